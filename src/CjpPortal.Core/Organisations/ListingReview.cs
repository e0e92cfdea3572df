namespace CjpPortal.Core.Organisations;

/// <summary>Settings under "ListingReview": the yearly confirmation cycle of published listings, counted from when a
/// listing was last confirmed (or published, if never). Checked when the host starts (<see cref="Problem"/>).</summary>
public sealed class ListingReviewOptions
{
    public const string SectionName = "ListingReview";

    /// <summary>Months after the last confirmation when the contact is asked to confirm the listing.</summary>
    public int ReviewAfterMonths { get; set; } = 12;

    // An array, not a list: the configuration binder replaces an array but appends to a list's defaults.
#pragma warning disable CA1819

    /// <summary>Days after the request on which the contact is reminded, while the listing is still unconfirmed.</summary>
    public int[] ReminderDays { get; set; } = [14, 28];

#pragma warning restore CA1819

    /// <summary>Months after the last confirmation when the listing is marked "may be out of date" and sinks below
    /// confirmed ones.</summary>
    public int OutOfDateAfterMonths { get; set; } = 13;

    /// <summary>Months after the last confirmation when the listing is hidden from the public until it is confirmed.</summary>
    public int HiddenAfterMonths { get; set; } = 18;

    /// <summary>What is wrong with <paramref name="options"/>, or null.</summary>
    public static string? Problem(ListingReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ReviewAfterMonths is < 1 or > 60)
        {
            return "ListingReview:ReviewAfterMonths must be between 1 and 60.";
        }

        var days = options.ReminderDays;
        if (days.Any(d => d is < 1 or > 365) || days.Zip(days.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            return "ListingReview:ReminderDays must be days between 1 and 365 after the request, in increasing order.";
        }

        if (options.OutOfDateAfterMonths < options.ReviewAfterMonths || options.HiddenAfterMonths <= options.OutOfDateAfterMonths
            || options.HiddenAfterMonths > 120)
        {
            return "ListingReview: ReviewAfterMonths <= OutOfDateAfterMonths < HiddenAfterMonths <= 120 must hold.";
        }

        return null;
    }
}

/// <summary>How current a published listing is, from the date it was last confirmed.</summary>
public enum ListingFreshness
{
    Current = 1,

    /// <summary>Shown with "may be out of date" and sorted below current listings.</summary>
    OutOfDate = 2,

    /// <summary>Not shown to the public (search, partnership pages, its page, CSV, open data) until confirmed.</summary>
    Hidden = 3,
}

/// <summary>The yearly confirmation cycle's dates at one moment, from <see cref="ListingReviewOptions"/>: a listing last
/// confirmed at or before <see cref="ReviewDueBefore"/> is asked to confirm; one last confirmed before <see cref="OutOfDateBefore"/> is out of date, before <see cref="HiddenBefore"/> hidden. Queries
/// compare the stored date with these cut-offs, and <see cref="FreshnessOf"/> does the same in memory, so a listing's
/// status is computed from its dates by one rule and never stored.</summary>
public sealed record ListingReviewCutoffs(DateTimeOffset Now, DateTimeOffset ReviewDueBefore, DateTimeOffset OutOfDateBefore, DateTimeOffset HiddenBefore)
{
    public static ListingReviewCutoffs At(ListingReviewOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(now, now.AddMonths(-options.ReviewAfterMonths), now.AddMonths(-options.OutOfDateAfterMonths), now.AddMonths(-options.HiddenAfterMonths));
    }

    /// <summary>The freshness of a listing last confirmed at <paramref name="lastConfirmed"/> (see
    /// <see cref="ListingReview.LastConfirmed"/>); a listing with no date at all is treated as current.</summary>
    public ListingFreshness FreshnessOf(DateTimeOffset? lastConfirmed) => lastConfirmed switch
    {
        null => ListingFreshness.Current,
        { } at when at < HiddenBefore => ListingFreshness.Hidden,
        { } at when at < OutOfDateBefore => ListingFreshness.OutOfDate,
        _ => ListingFreshness.Current,
    };
}

/// <summary>The rules of the yearly confirmation cycle that do not depend on the clock.</summary>
public static class ListingReview
{
    /// <summary>When the listing was last confirmed: publishing counts as confirming.</summary>
    public static DateTimeOffset? LastConfirmed(DateTimeOffset? confirmedAt, DateTimeOffset? publishedAt) => confirmedAt ?? publishedAt;

    /// <summary>Published listings the public sees: not hidden by the yearly confirmation cycle (search, partnership
    /// pages, listing pages, the CSV and the Open Referral API all filter through this).</summary>
    public static IQueryable<Organisation> Visible(IQueryable<Organisation> organisations, ListingReviewCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var hiddenBefore = cutoffs.HiddenBefore;
        return organisations.Where(o => o.Status == OrganisationStatus.Published
            && ((o.ConfirmedAt ?? o.PublishedAt) == null || (o.ConfirmedAt ?? o.PublishedAt) >= hiddenBefore));
    }

    /// <summary>The step of the cycle due at <paramref name="now"/> for a listing last confirmed at
    /// <paramref name="lastConfirmed"/>: 0 the request, 1.. the reminders; only the latest one due (a run missed is
    /// caught up without sending the older steps); null before the request is due.</summary>
    public static int? StepDue(ListingReviewOptions options, DateTimeOffset lastConfirmed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requested = lastConfirmed.AddMonths(options.ReviewAfterMonths);
        if (now < requested)
        {
            return null;
        }

        var step = 0;
        for (var i = 0; i < options.ReminderDays.Length; i++)
        {
            if (now >= requested.AddDays(options.ReminderDays[i]))
            {
                step = i + 1;
            }
        }

        return step;
    }
}
