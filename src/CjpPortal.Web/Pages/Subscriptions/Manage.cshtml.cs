using CjpPortal.Core;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>From the link in every subscription e-mail: everything held about the subscriber, their choices to change,
/// and the way to delete it all.</summary>
[AllowAnonymous]
public class ManageModel(AppDbContext db, SubscriptionService subscriptions) : SubscriptionChoicesModel(db)
{
    public Subscriber? Subscriber { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Subscriber = await subscriptions.FindByManageLinkAsync(Token, HttpContext.RequestAborted);
        if (Subscriber is null)
        {
            context.Result = BadLink();
            return;
        }

        await LoadPartnershipsAsync(HttpContext.RequestAborted);
        await next();
    }

    public void OnGet() => Show(Subscriber!);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var choices = ValidChoices();
        if (choices is null)
        {
            return FormPages.Invalid(this);
        }

        await subscriptions.UpdateAsync(Subscriber!, choices, cancellationToken);
        TempData[FormPages.BannerKey] = "Your choices have been saved.";
        return LocalRedirect(ManageUrl);
    }
}
