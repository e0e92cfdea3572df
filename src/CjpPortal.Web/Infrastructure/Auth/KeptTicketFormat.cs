using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>The sign-in cookie's format, with the tickets of recently seen cookies kept in this process for a minute:
/// reading a cookie (verifying its MAC with a key derived for the purpose, decrypting and deserialising it) was about a
/// sixth of a signed-in page's cost (bench/README.md), and a browser sends the same cookie with every request. Only a
/// cookie that the real format accepted is kept, under its exact text, so a forged or altered cookie is never looked up
/// successfully; each request is given its own copy of the ticket, so nothing one request changes reaches another.
/// Everything else the cookie handler checks (the ticket's expiry, then <see cref="SecurityStampCheck"/>, which ends the
/// session at once after a sign-out everywhere or a password change) is checked on every request as before. Writing a
/// cookie is not changed.</summary>
public sealed class KeptTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long a read ticket is kept (a key ring change reaches a kept cookie within this).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    /// <summary>At most this many cookies are kept; when there are more, all are dropped.</summary>
    public const int MaxEntries = 4096;

    private readonly ExpiringCache<(string Text, string? Purpose), AuthenticationTicket> kept = new(MaxEntries, KeptFor, clock);

    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }

        if (kept.TryGet((protectedText, purpose), out var keptTicket))
        {
            return keptTicket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            kept.Set((protectedText, purpose), ticket.Clone());
        }

        return ticket;
    }

    /// <summary>Wraps the Identity sign-in cookie's format (set by the cookie handler's own post-configuration, which
    /// runs first because Identity registered it first).</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(provider =>
            new PostConfigureOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
            {
                if (options.TicketDataFormat is not KeptTicketFormat and not null)
                {
                    options.TicketDataFormat = new KeptTicketFormat(options.TicketDataFormat, provider.GetRequiredService<TimeProvider>());
                }
            }));
    }
}
