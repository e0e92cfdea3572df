namespace CjpPortal.Web.Infrastructure;

/// <summary>Which page of a list to show: the one asked for, kept between the first and the last, so an old link to a
/// page that no longer exists shows the last page rather than an empty one.</summary>
public readonly record struct Paging(int PageNumber, int PageCount, int PageSize)
{
    public int Skip => (PageNumber - 1) * PageSize;

    public static Paging For(int total, int pageSize, int? requested)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var count = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requested ?? 1, 1, count), count, pageSize);
    }
}

/// <summary>What the _Pagination partial shows: links to the pages before and after <see cref="PageNumber"/> of
/// <see cref="PageCount"/>, made by <see cref="PageLink"/> (a typed link generator's method), under the navigation's
/// <see cref="Label"/>. Nothing while there is only one page.</summary>
public sealed record Pagination(int PageNumber, int PageCount, Func<int, string> PageLink, string Label, string Previous = "Previous page", string Next = "Next page");
