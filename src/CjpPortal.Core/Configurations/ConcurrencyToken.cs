using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Configurations;

/// <summary>PostgreSQL's xmin system column, mapped as a shadow property and used as the concurrency token of records
/// that people edit in forms.</summary>
public static class ConcurrencyToken
{
    public const string PropertyName = "xmin";

    /// <summary>The row version of <paramref name="entity"/> as loaded, for a form to carry.</summary>
    public static uint VersionOf<TEntity>(this DbContext db, TEntity entity)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Entry(entity).Property<uint>(PropertyName).CurrentValue;
    }

    /// <summary>Whether <paramref name="entity"/> is still at the <paramref name="version"/> a form was filled from. If
    /// it is, the save is made conditional on that version, so a change saved in between makes it throw
    /// <see cref="DbUpdateConcurrencyException"/> rather than overwrite.</summary>
    public static bool ExpectVersion<TEntity>(this DbContext db, TEntity entity, uint version)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var token = db.Entry(entity).Property<uint>(PropertyName);
        if (token.CurrentValue != version)
        {
            return false;
        }

        token.OriginalValue = version;
        return true;
    }
}
