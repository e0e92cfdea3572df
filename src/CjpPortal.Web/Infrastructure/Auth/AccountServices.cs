using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Accounts: ASP.NET Core Identity on the portal's database, the sign-in cookie, two-factor policies for the
/// editing areas, rate limiting of the account forms.
/// Identity is set up here rather than in Core's <c>AddPortalCore</c> because most of it (cookies, sign-in,
/// two-factor policies) is the web app's; Core's account services use its <c>UserManager</c>.</summary>
public static class AccountServices
{
    public const string SignInPath = "/account/sign-in";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(options =>
            {
                // NCSC: length, not composition rules; PasswordPolicy adds the maximum and the common-password list.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<PasswordPolicy>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cjp-auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/status/403";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            SecurityStampCheck.Add(options);
        });
        KeptTicketFormat.Add(services);
        SameSiteRedirects.Add(services);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        // SecurityStampCheck refuses a cookie with an old stamp at once; this slower check rebuilds the principal, so
        // changed roles reach an open session within a minute.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = KeepSecondFactorClaim;
        });

        AuthorizationPolicies.Add(services.AddAuthorizationBuilder());
        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, PartnershipAccessHandler>();
        services.Configure<RazorPagesOptions>(options =>
        {
            // The dashboard lists a coordinator's own partnerships; a partnership's pages are also open to CJS staff.
            options.Conventions.AuthorizePage("/Manage/Index", AuthorizationPolicies.Coordinator);
            options.Conventions.AuthorizeFolder("/Manage/Partnerships", AuthorizationPolicies.PartnershipEditor);
            options.Conventions.AuthorizeFolder("/Manage/Organisations", AuthorizationPolicies.OrganisationModerator);
            options.Conventions.AuthorizeFolder("/Manage/Problems", AuthorizationPolicies.ProblemQueue);
            options.Conventions.AuthorizeFolder("/National", AuthorizationPolicies.CjsStaff);
            options.Conventions.AuthorizeFolder("/Admin", AuthorizationPolicies.Administrator);
            options.Conventions.AuthorizePage("/Account/ChangePassword", AuthorizationPolicies.AccountHolder);
            options.Conventions.AuthorizePage("/Account/NewRecoveryCodes", AuthorizationPolicies.AccountHolder);
            options.Conventions.AuthorizePage("/Account/ResetAuthenticator", AuthorizationPolicies.AccountHolder);
        });

        services.AddScoped<AccountSelfService>();
        AccountRateLimiting.Add(services, configuration);
    }

    /// <summary>The security stamp check rebuilds the principal from the database, which would drop the claim saying
    /// the second factor was used at sign-in; carry it over so the user is not locked out of the editing pages.</summary>
    private static Task KeepSecondFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var method = context.CurrentPrincipal?.FindFirst(AuthorizationPolicies.AuthenticationMethodClaim);
        if (method is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(AuthorizationPolicies.AuthenticationMethodClaim, method.Value))
        {
            identity.AddClaim(new Claim(AuthorizationPolicies.AuthenticationMethodClaim, method.Value));
        }

        return Task.CompletedTask;
    }
}
