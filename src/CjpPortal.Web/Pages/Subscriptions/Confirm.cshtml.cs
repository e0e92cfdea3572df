using CjpPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>The double opt-in: the link in the confirmation e-mail opens this page, and only its button (a POST)
/// confirms, since mail scanners open links in messages without anyone asking.</summary>
[AllowAnonymous]
public class ConfirmModel(SubscriptionService subscriptions) : SubscriptionLinkPageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindByConfirmLinkAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return BadLink();
        }

        Confirmed = subscriber.ConfirmedAt is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await subscriptions.ConfirmAsync(Token, cancellationToken) != ConfirmOutcome.Confirmed)
        {
            return BadLink();
        }

        Confirmed = true;
        return Page();
    }
}
