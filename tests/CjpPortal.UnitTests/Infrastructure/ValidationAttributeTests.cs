using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>The house rules as attributes: each keeps the words the pages used, and blank is left to [Required].</summary>
public sealed class ValidationAttributeTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("01324 506000", true)]
    [InlineData("+44 7700 900123", true)]
    [InlineData("0800 123", false)]
    [InlineData("01324   506000                     ", false)]
    public void UkPhone_Value_PassesWhenAUkNumberWithinTheLimit(string? value, bool valid)
    {
        // Arrange
        var rule = new UkPhoneAttribute { MaxLength = 30 };

        // Act
        var result = rule.IsValid(value);

        // Assert
        Assert.Equal(valid, result);
        Assert.Equal("Enter a UK telephone number, like 01324 506000 or +44 7700 900123", rule.FormatErrorMessage("Phone"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://www.example.org", true)]
    [InlineData("https://www.example.org/a-long-path", false)]
    [InlineData("http://www.example.org", false)]
    [InlineData("www.example.org", false)]
    [InlineData("https://", false)]
    public void HttpsUrl_Value_PassesWhenAFullHttpsAddressWithinTheLimit(string? value, bool valid)
    {
        // Arrange
        var rule = new HttpsUrlAttribute { MaxLength = 30 };

        // Act
        var result = rule.IsValid(value);

        // Assert
        Assert.Equal(valid, result);
        Assert.Equal("Enter the website as a full address starting with https://, like https://www.example.org", rule.FormatErrorMessage("Website"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Morag.Sinclair@Falkirk.gov.uk", true)]
    [InlineData("not-an-address", false)]
    [InlineData("real%40falkirk.gov.uk?cc=attacker@evil.example", false)]
    public void PlainEmail_Value_FollowsThePortalsEmailRule(string? value, bool valid)
    {
        // Arrange
        var rule = new PlainEmailAttribute();

        // Act
        var result = rule.IsValid(value);

        // Assert
        Assert.Equal(valid, result);
        Assert.Equal(EmailAddress.FormatMessage, rule.FormatErrorMessage("Email"));
    }

    [Fact]
    public void FirstFailingRuleOnly_SeveralRulesFail_OnlyTheFirstWrittenIsReported()
    {
        // Arrange
        var metadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(string));
        var items = new List<ValidatorItem>
        {
            new() { Validator = new Rule(fails: false, "first"), IsReusable = true },
            new() { Validator = new Rule(fails: true, "second"), IsReusable = true },
            new() { Validator = new Rule(fails: true, "third"), IsReusable = true },
        };
        var context = new ModelValidatorProviderContext(metadata, items);

        // Act
        new FirstFailingRuleOnly().CreateValidators(context);
        var validators = items.Where(i => i.Validator is not null).Select(i => i.Validator!).ToList();
        var results = validators.SelectMany(v => v.Validate(new ModelValidationContext(new ActionContext { HttpContext = new DefaultHttpContext() }, metadata, new EmptyModelMetadataProvider(), null, "x"))).ToList();

        // Assert
        Assert.Single(validators);
        Assert.Equal(["second"], results.Select(r => r.Message));
    }

    [Fact]
    public void FirstFailingRuleOnly_AValidatorMadeForEachRequest_LeavesTheListAlone()
    {
        // Arrange
        var metadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(string));
        var items = new List<ValidatorItem>
        {
            new() { Validator = new Rule(fails: true, "first"), IsReusable = true },
            new() { Validator = new Rule(fails: true, "second"), IsReusable = false },
        };

        // Act
        new FirstFailingRuleOnly().CreateValidators(new ModelValidatorProviderContext(metadata, items));

        // Assert
        Assert.All(items, item => Assert.IsType<Rule>(item.Validator));
    }

    private sealed class Rule(bool fails, string message) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            fails ? [new ModelValidationResult(string.Empty, message)] : [];
    }
}
