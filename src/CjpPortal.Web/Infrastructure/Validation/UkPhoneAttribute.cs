using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A UK telephone number (<see cref="UkPhone"/>).</summary>
public sealed class UkPhoneAttribute() : StringRuleAttribute(Message)
{
    public const string Message = "Enter a UK telephone number, like 01324 506000 or +44 7700 900123";

    protected override bool Passes(string value) => UkPhone.IsValid(value);
}
