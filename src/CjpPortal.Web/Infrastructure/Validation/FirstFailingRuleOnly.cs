using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A field shows one message: that of the first of its rules, in the order its attributes are written, that
/// fails. <c>[Required] [StringLength(256)] [PlainEmail]</c> on an address of 300 characters says it is too long,
/// not also that it is malformed, as the design system's question pattern and the error summary expect. Registered
/// last, so it sees the validators every other provider made for the property.</summary>
public sealed class FirstFailingRuleOnly : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Results.Where(item => item.Validator is not null).ToList();
        // Validators that must be made again for each request are left alone: the cache would mix them up.
        if (items.Count < 2 || items.Any(item => !item.IsReusable))
        {
            return;
        }

        var first = new FirstFailure([.. items.Select(item => item.Validator!)]);
        foreach (var item in items.Skip(1))
        {
            item.Validator = null;
        }

        items[0].Validator = first;
    }

    private sealed class FirstFailure(IModelValidator[] validators) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            foreach (var validator in validators)
            {
                var results = validator.Validate(context).ToList();
                if (results.Count > 0)
                {
                    return results;
                }
            }

            return [];
        }
    }
}
