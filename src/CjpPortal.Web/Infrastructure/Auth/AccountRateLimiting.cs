using System.Threading.RateLimiting;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Slows down password guessing: form posts to sign-in, invitation acceptance and password reset are limited
/// per client IP address in a fixed window. Pages opt in with [EnableRateLimiting(AccountRateLimiting.PolicyName)];
/// a refused request gets 429, a Retry-After header (seconds) and the status page.</summary>
public static class AccountRateLimiting
{
    public const string PolicyName = "account-forms";

    /// <summary>Configuration key for the number of posts allowed per client per minute (default 10).</summary>
    public const string PermitLimitKey = "Portal:AccountFormPostsPerMinute";

    /// <summary>The subscribe form's own limit, so that subscribing uses up no one's sign-in allowance: e-mail to one
    /// address is limited in the database as well (SubscriptionService), this limits one client's many addresses.</summary>
    public const string SubscribePolicyName = "subscribe-form";

    /// <summary>Configuration key for subscribe posts allowed per client per minute (default 5).</summary>
    public const string SubscribePermitLimitKey = "Portal:SubscribePostsPerMinute";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue(PermitLimitKey, 10);
        var subscribeLimit = configuration.GetValue(SubscribePermitLimitKey, 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The status page is rendered after this (re-executed for the empty 429); the header tells the client when
            // the window ends.
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PolicyName, PostsPerClientPerMinute(permitLimit));
            options.AddPolicy(SubscribePolicyName, PostsPerClientPerMinute(subscribeLimit));
        });
    }

    /// <summary>Form posts limited per client IP address in a one-minute fixed window; reading is not limited. Each
    /// policy counts on its own. The counts are per instance (in memory), so with several instances a client may
    /// post up to <paramref name="limit"/> times to each.</summary>
    private static Func<HttpContext, RateLimitPartition<string>> PostsPerClientPerMinute(int limit) => context =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("reading");
}
