using System.ComponentModel.DataAnnotations;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A house rule on a typed string, with its one message. Blank passes (the binder has made it null; add
/// [Required] when the value must be given); a value longer than <see cref="MaxLength"/> fails with the same message,
/// for fields whose limit is not worth a message of its own.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class StringRuleAttribute(string message) : ValidationAttribute(message)
{
    public int MaxLength { get; init; } = int.MaxValue;

    public override bool IsValid(object? value) =>
        value is null || (value is string text && text.Length <= MaxLength && Passes(text));

    protected abstract bool Passes(string value);
}
