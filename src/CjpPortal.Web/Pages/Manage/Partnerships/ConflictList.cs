using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What someone else saved while this form was open, as lines for the conflict message.</summary>
public sealed class ConflictList : List<string>
{
    public void Compare(string label, string? stored, string? yours)
    {
        if (stored != yours)
        {
            Add($"{label} is now {FormPages.Shown(stored)} (you entered {FormPages.Shown(yours)})");
        }
    }
}
