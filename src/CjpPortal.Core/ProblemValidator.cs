using Microsoft.Extensions.Options;

namespace CjpPortal.Core;

/// <summary>Checks a settings class when the host starts with its own static <c>Problem</c> rule (null when the
/// settings are usable, otherwise the message), so each settings class states its rule once.</summary>
internal sealed class ProblemValidator<T>(Func<T, string?> problem) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problem(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
}
