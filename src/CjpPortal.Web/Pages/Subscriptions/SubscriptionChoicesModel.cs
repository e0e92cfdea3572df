using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>The choices the subscribe page and the manage page share: what to follow, which topics, how often; the
/// fields, their options, their checks and the words of their errors.</summary>
public abstract class SubscriptionChoicesModel(AppDbContext db) : SubscriptionLinkPageModel
{
    public const string TopicsMissingMessage = "Choose at least one thing to hear about";
    public const string FollowMissingMessage = "Choose at least one partnership, or all of Scotland";
    public const string FrequencyMissingMessage = "Choose how often you want emails";

    public static IReadOnlyList<ChoiceItem> TopicItems =>
    [
        new("Forum meetings and updates", nameof(SubscriptionTopics.MeetingsAndUpdates)),
        new("Consultations", nameof(SubscriptionTopics.Consultations), "When a partnership consults on its plan"),
        new("Plans, participation statements and annual reports", nameof(SubscriptionTopics.Publications), "When they are published"),
    ];

    public static IReadOnlyList<ChoiceItem> FrequencyItems =>
    [
        new("As it happens", nameof(SubscriptionFrequency.Immediately), "One email for each item"),
        new("A weekly digest", nameof(SubscriptionFrequency.WeeklyDigest), "One email a week, and none in a week with no news"),
    ];

    public IReadOnlyList<PartnershipRef> AllPartnerships { get; private set; } = [];

    public IEnumerable<SelectListItem> PartnershipItems =>
        AllPartnerships.Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture)));

    [BindProperty]
    public bool AllOfScotland { get; set; }

    [BindProperty]
    public List<int> PartnershipIds { get; set; } = [];

    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public string? Frequency { get; set; }

    protected async Task LoadPartnershipsAsync(CancellationToken cancellationToken) =>
        AllPartnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PartnershipRef(p.Id, p.Name, p.Slug)).ToListAsync(cancellationToken);

    /// <summary>The choices posted, or null after adding the errors to ModelState.</summary>
    protected SubscriptionChoices? ValidChoices()
    {
        if (!AllOfScotland && PartnershipIds.Count == 0)
        {
            ModelState.AddModelError(nameof(PartnershipIds), FollowMissingMessage);
        }
        else if (PartnershipIds.Any(id => AllPartnerships.All(p => p.Id != id)))
        {
            ModelState.AddModelError(nameof(PartnershipIds), "Choose partnerships from the list");
        }

        var topics = SubscriptionTopics.None;
        foreach (var topic in Topics.Where(t => !string.IsNullOrEmpty(t)))
        {
            if (Enum.TryParse<SubscriptionTopics>(topic, ignoreCase: false, out var flag) && TopicItems.Any(t => t.Value == topic))
            {
                topics |= flag;
            }
            else
            {
                ModelState.AddModelError(nameof(Topics), "Choose from the list");
                break;
            }
        }

        if (topics == SubscriptionTopics.None && ModelState.GetFieldValidationState(nameof(Topics)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(Topics), TopicsMissingMessage);
        }

        SubscriptionFrequency frequency = default;
        if (Frequency is null || !FrequencyItems.Any(f => f.Value == Frequency) || !Enum.TryParse(Frequency, out frequency))
        {
            ModelState.AddModelError(nameof(Frequency), FrequencyMissingMessage);
        }

        return ModelState.IsValid ? new SubscriptionChoices(AllOfScotland, AllOfScotland ? [] : [.. PartnershipIds.Distinct()], topics, frequency) : null;
    }

    /// <summary>Fills the fields from a stored subscription (the manage page).</summary>
    protected void Show(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        AllOfScotland = subscriber.AllOfScotland;
        PartnershipIds = [.. subscriber.Partnerships.Select(p => p.PartnershipId)];
        Topics = [.. TopicItems.Where(t => subscriber.Topics.HasFlag(Enum.Parse<SubscriptionTopics>(t.Value))).Select(t => t.Value)];
        Frequency = subscriber.Frequency.ToString();
    }

    /// <summary>"Every partnership in Scotland", or the names followed.</summary>
    public static string Following(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return subscriber.AllOfScotland
            ? "All of Scotland"
            : string.Join(", ", subscriber.Partnerships.Select(p => p.Partnership.Name).Order(StringComparer.InvariantCulture));
    }

    public static string TopicsText(SubscriptionTopics topics) =>
        string.Join(", ", TopicItems.Where(t => topics.HasFlag(Enum.Parse<SubscriptionTopics>(t.Value))).Select(t => t.Text));

    public static string FrequencyText(SubscriptionFrequency frequency) =>
        FrequencyItems.Single(f => f.Value == frequency.ToString()).Text;
}
