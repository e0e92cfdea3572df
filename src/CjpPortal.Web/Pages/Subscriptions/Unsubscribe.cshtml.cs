using CjpPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>One-click unsubscribe, the address in every bulk e-mail's List-Unsubscribe header. GET shows a button
/// (mail scanners follow links, so a GET changes nothing); a POST whose body is <c>List-Unsubscribe=One-Click</c>
/// unsubscribes at once, and that is what a mail client's own "unsubscribe" button sends (RFC 8058).
/// <para>The one page in the portal without antiforgery, on purpose: RFC 8058's POST comes from the mail provider,
/// with no cookie and no form token, so a token could never be checked. What antiforgery protects against (another
/// site making a signed-in visitor's browser post) does not apply: the request is authorised by the signed token in
/// its address alone, which only the subscriber's mailbox has, never by a cookie. The Operations tests
/// (AuthorizationTests, the antiforgery checks) name this exception.</para></summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(SubscriptionService subscriptions) : SubscriptionLinkPageModel
{
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    public bool Unsubscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await subscriptions.FindByManageLinkAsync(Token, cancellationToken) is null ? BadLink() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindByManageLinkAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return BadLink();
        }

        if (!Request.HasFormContentType || Request.Form[OneClickField] != OneClickValue)
        {
            return BadRequest();
        }

        await subscriptions.UnsubscribeAsync(subscriber, cancellationToken);
        Unsubscribed = true;
        return Page();
    }
}
