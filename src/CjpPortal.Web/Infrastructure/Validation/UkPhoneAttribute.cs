using System.ComponentModel.DataAnnotations;
using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A UK telephone number (<see cref="UkPhone"/>), no longer than <see cref="MaxLength"/>; blank passes (add
/// [Required] when the number must be given).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class UkPhoneAttribute() : ValidationAttribute(Message)
{
    public const string Message = "Enter a UK telephone number, like 01324 506000 or +44 7700 900123";

    /// <summary>A longer number gets the same message: nobody types a real number that long.</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    public override bool IsValid(object? value) =>
        value is null || (value is string text && text.Length <= MaxLength && UkPhone.IsValid(text));
}
