using CjpPortal.Core;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>The partnership named in a /manage/partnerships/{slug} URL, as every page there heads itself.</summary>
public sealed record ManagedPartnership(int Id, string Name, string Slug)
{
    public static Task<ManagedPartnership?> FindAsync(AppDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Partnerships.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new ManagedPartnership(p.Id, p.Name, p.Slug))
            .SingleOrDefaultAsync(cancellationToken);
}
