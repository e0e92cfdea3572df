using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>The portal's one e-mail rule (<see cref="EmailAddress"/>) with its one message. Letter case does not
/// matter: pages store the address through <see cref="EmailAddress.Normalise"/>.</summary>
public sealed class PlainEmailAttribute() : StringRuleAttribute(EmailAddress.FormatMessage)
{
    protected override bool Passes(string value) => EmailAddress.IsValid(value);
}
