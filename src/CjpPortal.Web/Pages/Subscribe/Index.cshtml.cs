using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Infrastructure.Validation;
using CjpPortal.Web.Pages.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Subscribe;

/// <summary>Subscribing to news by e-mail, without an account. The answer after a good post is the same whether or not
/// the address was subscribed already (no one can find out who is), and e-mail to one address is rate limited in the
/// database (<see cref="SubscriptionService.SubscribeAsync"/>); posts per client address have a limit of their own. A form with the hidden honeypot field filled in (a bot) gets the same answer and nothing is saved.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.SubscribePolicyName)]
public class IndexModel(AppDbContext db, SubscriptionService subscriptions) : SubscriptionChoicesModel(db)
{
    public const string EmailMissingMessage = "Enter your email address";
    public const string EmailTooLongMessage = "Email address must be 254 characters or fewer";

    [BindProperty]
    [Required(ErrorMessage = EmailMissingMessage)]
    [StringLength(Subscriber.EmailMaxLength, ErrorMessage = EmailTooLongMessage)]
    [PlainEmail]
    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people (and from assistive technology), filled in by form-filling bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [TempData]
    public bool Sent { get; set; }

    public async Task OnGetAsync(string? partnership, CancellationToken cancellationToken)
    {
        await LoadPartnershipsAsync(cancellationToken);
        if (AllPartnerships.FirstOrDefault(p => p.Slug == partnership) is { } chosen)
        {
            PartnershipIds = [chosen.Id];
        }

        Topics = [.. TopicItems.Select(t => t.Value)];
        Frequency = nameof(SubscriptionFrequency.Immediately);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadPartnershipsAsync(cancellationToken);
        if (!string.IsNullOrEmpty(Website))
        {
            Sent = true;
            return LocalRedirect("/subscribe");
        }

        var choices = ValidChoices();
        if (choices is null || !ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        await subscriptions.SubscribeAsync(EmailAddress.Normalise(Email)!, choices, cancellationToken);
        Sent = true;
        return LocalRedirect("/subscribe");
    }
}
