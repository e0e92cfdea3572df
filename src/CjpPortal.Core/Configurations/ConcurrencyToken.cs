namespace CjpPortal.Core.Configurations;

/// <summary>PostgreSQL's xmin system column, mapped as a shadow property and used as the concurrency token of records
/// that people edit in forms.</summary>
public static class ConcurrencyToken
{
    public const string PropertyName = "xmin";
}
