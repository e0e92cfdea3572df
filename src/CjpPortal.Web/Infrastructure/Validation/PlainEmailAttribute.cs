using System.ComponentModel.DataAnnotations;
using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>The portal's one e-mail rule (<see cref="EmailAddress"/>) with its one message; blank passes. Letter case
/// does not matter: pages store the address through <see cref="EmailAddress.Normalise"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainEmailAttribute() : ValidationAttribute(EmailAddress.FormatMessage)
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text && EmailAddress.IsValid(text));
}
