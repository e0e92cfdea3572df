using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Database;

/// <summary>Storage settings of the GIN indexes that searches read.</summary>
public static class GinSearchIndex
{
    /// <summary><c>WITH (fastupdate = off)</c>: an insert or update goes straight into the index, instead of into a
    /// pending list that every search reads in full until a vacuum (or 4 MB of entries) merges it. Writes cost a
    /// little more; searches never depend on when autovacuum last ran.</summary>
    public static IndexBuilder<T> WithoutPendingList<T>(this IndexBuilder<T> index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return (IndexBuilder<T>)index.HasStorageParameter("fastupdate", false);
    }
}
