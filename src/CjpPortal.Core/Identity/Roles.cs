namespace CjpPortal.Core.Identity;

/// <summary>The portal's roles. A coordinator's reach is further limited to the partnerships they are assigned to.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string CjsStaff = "CjsStaff";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Coordinator, CjsStaff, Administrator];
}
