using System.Linq.Expressions;
using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Admin.Outbox;

/// <summary>The outbox: how many messages are in each state, and the messages themselves (newest first, filtered by
/// state), with "try again" for a failed message and "cancel" for a queued one.</summary>
public class IndexModel(AppDbContext db, OutboxAdministration outbox, AdminLinks links) : PageModel
{
    public const int PageSize = 50;

    public static readonly OutboxEmailStatus[] Statuses = Enum.GetValues<OutboxEmailStatus>();

    public IReadOnlyDictionary<OutboxEmailStatus, int> Counts { get; private set; } = new Dictionary<OutboxEmailStatus, int>();
    public IReadOnlyList<OutboxRow> Messages { get; private set; } = [];
    public OutboxEmailStatus? Status { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <summary>Administrators' retries and cancels of the messages shown, oldest first, by message id.</summary>
    public ILookup<long, OutboxAction> History { get; private set; } = Array.Empty<OutboxAction>().ToLookup(a => a.MessageId);

    /// <summary>One retry or cancel as history recorded it.</summary>
    public sealed record OutboxAction(long MessageId, string? From, string? To, string By, DateTimeOffset At)
    {
        public string Describe() => (From, To) switch
        {
            (nameof(OutboxEmailStatus.Failed), nameof(OutboxEmailStatus.Queued)) => "Tried again",
            (_, nameof(OutboxEmailStatus.Cancelled)) => "Cancelled",
            _ => $"{From} to {To}",
        };
    }

    public sealed record OutboxRow(long Id, string To, string Subject, OutboxEmailStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    /// <summary>What the outbox pages show of a message (not its bodies).</summary>
    public static readonly Expression<Func<OutboxEmail, OutboxRow>> ToRow =
        e => new OutboxRow(e.Id, e.To, e.Subject, e.Status, e.Attempts, e.LastError, e.CreatedAt, e.SentAt);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "status")] string? status, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (status is not null)
        {
            if (!Enum.TryParse<OutboxEmailStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return NotFound();
            }

            Status = parsed;
        }

        await LoadAsync(pageNumber, cancellationToken);
        return Page();
    }

    /// <summary>Queues a failed message again (from the form beside it); a message no longer failed is left as it is,
    /// with HTTP 409 and the failed messages shown again.</summary>
    public async Task<IActionResult> OnPostRetryAsync([FromForm(Name = "messageId")] long messageId, CancellationToken cancellationToken)
    {
        if (!await outbox.RetryAsync(messageId, FormPages.Actor(User), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, $"Message {messageId} was not tried again: only a failed message can be, and it is no longer failed (or does not exist)");
            Status = OutboxEmailStatus.Failed;
            await LoadAsync(null, cancellationToken);
            return FormPages.Invalid(this, StatusCodes.Status409Conflict);
        }

        TempData[FormPages.BannerKey] = $"Message {messageId} will be sent again.";
        return LocalRedirect(links.Outbox(OutboxEmailStatus.Failed));
    }

    private async Task LoadAsync(int? pageNumber, CancellationToken cancellationToken)
    {
        var counts = await db.EmailOutbox.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = Statuses.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        Total = Status is { } only ? Counts[only] : Counts.Values.Sum();
        var paging = Paging.For(Total, PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        var rows = db.EmailOutbox.AsNoTracking();
        if (Status is { } filter)
        {
            rows = rows.Where(e => e.Status == filter);
        }

        Messages = await rows.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(ToRow)
            .ToListAsync(cancellationToken);
        var ids = Messages.Where(m => m.Id <= int.MaxValue).Select(m => OutboxAdministration.HistoryId(m.Id)).ToList();
        var actions = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == OutboxAdministration.AuditEntity && ids.Contains(a.EntityId))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new OutboxAction(a.EntityId, a.OldValue, a.NewValue, a.UserEmail, a.OccurredAt))
            .ToListAsync(cancellationToken);
        History = actions.ToLookup(a => a.MessageId);
    }

    public static string Label(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Queued => "Queued",
        OutboxEmailStatus.Sending => "Sending",
        OutboxEmailStatus.Sent => "Sent",
        OutboxEmailStatus.Failed => "Failed",
        _ => "Cancelled",
    };

    public static string Tag(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Sent => "ds_tag--green",
        OutboxEmailStatus.Failed => "ds_tag--red",
        OutboxEmailStatus.Cancelled => "ds_tag--grey",
        _ => "ds_tag--blue",
    };
}
