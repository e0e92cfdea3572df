namespace CjpPortal.Core.Updates;

/// <summary>Tells subscribers about a published (or corrected, when the author asks) update. Called inside the publish
/// transaction with the context that is saving it, so whatever it enqueues commits or rolls back with the update.</summary>
public interface IUpdateNotifier
{
    Task UpdatePublishedAsync(AppDbContext db, ForumUpdate update, CancellationToken ct);
}
