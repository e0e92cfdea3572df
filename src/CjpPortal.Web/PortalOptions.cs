using CjpPortal.Core.Rules;

namespace CjpPortal.Web;

/// <summary>Settings under "Portal" in configuration (environment variables Portal__...).</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Loads fictional example contacts, routes, plans and reports, and labels every page as a demo.</summary>
    public bool DemoMode { get; set; }

    /// <summary>For running behind a TLS-terminating proxy or a local benchmark: no redirect to HTTPS, no HSTS.</summary>
    public bool DisableHttpsRedirection { get; set; }

    /// <summary>Apply migrations at start-up. On by default in Development only; production uses the migrate command.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Serve public pages from the output cache. Off only to measure rendering cost (bench/run.sh).</summary>
    public bool EnableOutputCache { get; set; } = true;

    /// <summary>Load the partnership snapshot while the portal starts, so the first visitor does not wait for it (see
    /// bench/coldstart.sh). Off in integration tests, whose fixture migrates and seeds the database after the host has
    /// started: a snapshot read in between would be served until it expires.</summary>
    public bool LoadSnapshotOnStartup { get; set; } = true;

    /// <summary>Once listening, request one page of the portal's own over loopback, so that the first visitor does not
    /// pay for the first render's one-off work (<see cref="Infrastructure.FirstPageWarmUp"/>; see bench/coldstart.sh).
    /// Off in integration tests, like the snapshot load.</summary>
    public bool RequestFirstPageOnStartup { get; set; } = true;

    /// <summary>How long public pages stay in the output cache; edits evict them sooner.</summary>
    public int PublicPageCacheSeconds { get; set; } = 60;

    /// <summary>How many searches' word-match answers (what PostgreSQL returns for the words, theme and areas of
    /// <c>/organisations</c>, and for the Open Referral <c>/services</c> list) each <see cref="Queries.ListingIndex"/>
    /// keeps, so a repeated search runs no SQL; 0 turns the cache off (to measure without it). The answers are dropped
    /// with the index, after any edit of directory data or <see cref="PublicPageCacheSeconds"/>.</summary>
    public int SearchMatchCacheEntries { get; set; } = 1000;

    public int AnnualReturnDueMonth { get; set; } = 12;
    public int AnnualReturnDueDay { get; set; } = 31;

    /// <summary>Where people write about the portal itself (accessibility problems, corrections).</summary>
    public string ContactEmail { get; set; } = "portal@communityjustice.example.org";

    public AnnualReturnDeadline AnnualReturnDeadline => new(AnnualReturnDueMonth, AnnualReturnDueDay);
}
