using CjpPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>From the manage page: asks before unsubscribing and deleting everything held about the subscriber.</summary>
[AllowAnonymous]
public class DeleteModel(SubscriptionService subscriptions) : SubscriptionLinkPageModel
{
    public bool Deleted { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindByManageLinkAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return BadLink();
        }

        Email = subscriber.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindByManageLinkAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return BadLink();
        }

        await subscriptions.UnsubscribeAsync(subscriber, cancellationToken);
        Deleted = true;
        return Page();
    }
}
