using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Email;

/// <summary>The mail side of <see cref="CoreServices.AddPortalCore"/>: settings checked when the host starts, the
/// configured transport and the outbox dispatcher, which each host runs unless Email:Dispatcher:Enabled is false.</summary>
internal static class EmailServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>>(new ProblemValidator<EmailOptions>(EmailOptions.Problem));
        services.AddSingleton<IValidateOptions<DispatcherOptions>>(new ProblemValidator<DispatcherOptions>(DispatcherOptions.Problem));
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();

        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            return email.Transport == EmailTransportKind.Smtp
                ? provider.GetRequiredService<SmtpEmailTransport>()
                : new PickupFolderEmailTransport(Path.GetFullPath(email.PickupFolder), email.From, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
    }

    /// <summary>SMTP settings matter only when SMTP is the transport.</summary>
    private sealed class SmtpOptionsValidator(IOptions<EmailOptions> email) : IValidateOptions<SmtpOptions>
    {
        public ValidateOptionsResult Validate(string? name, SmtpOptions options) =>
            email.Value.Transport == EmailTransportKind.Smtp && SmtpOptions.Problem(options) is { } message
                ? ValidateOptionsResult.Fail(message)
                : ValidateOptionsResult.Success;
    }
}
