using CjpPortal.Core;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Admin.Outbox;

/// <summary>The addresses mail is no longer sent to, as hashes (the list keeps no address), newest first.</summary>
public class SuppressionsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record SuppressionRow(long Id, string AddressHash, string Reason, DateTimeOffset CreatedAt);

    public IReadOnlyList<SuppressionRow> Suppressions { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Total = await db.SuppressedAddresses.CountAsync(cancellationToken);
        var paging = Paging.For(Total, PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        Suppressions = await db.SuppressedAddresses.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(s => new SuppressionRow(s.Id, s.AddressHash, s.Reason, s.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
