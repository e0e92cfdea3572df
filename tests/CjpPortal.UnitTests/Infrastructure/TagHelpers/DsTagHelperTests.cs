using AngleSharp.Dom;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CjpPortal.UnitTests.Infrastructure.TagHelpers;

/// <summary>Each ds-* helper writes the design system's question pattern, named from its model expression: the
/// ids the error summary links to, the hint and error ids in aria-describedby, the error classes, encoded values.</summary>
public sealed class DsTagHelperTests
{
    [Fact]
    public async Task DsInput_WithoutError_WritesLabelHintAndInputNamedAfterTheProperty()
    {
        // Arrange
        var harness = new TagHelperHarness(new() { Website = "https://example.org/a?b=1&c=<2>" });
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website", Hint = "Starting with https://", Type = "url", Width = "fixed-20" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        var question = One(body, "div.ds_question");
        Assert.DoesNotContain("ds_question--error", question.ClassName, StringComparison.Ordinal);
        Assert.Equal("Website", One(question, "label.ds_label[for=Website]").TextContent);
        Assert.Equal("Starting with https://", One(question, "p.ds_hint-text#Website-hint").TextContent);
        Assert.Null(question.QuerySelector(".ds_question__error-message"));
        var input = One(question, "input#Website");
        Assert.Equal("Website", input.GetAttribute("name"));
        Assert.Equal("url", input.GetAttribute("type"));
        Assert.Equal("ds_input ds_input--fixed-20", input.ClassName);
        Assert.Equal("https://example.org/a?b=1&c=<2>", input.GetAttribute("value"));
        Assert.Equal("Website-hint", input.GetAttribute("aria-describedby"));
        Assert.False(input.HasAttribute("aria-invalid"));
    }

    [Fact]
    public async Task DsInput_WithModelStateError_WritesTheMessageAndMarksTheInput()
    {
        // Arrange
        var harness = new TagHelperHarness(new() { Website = "http://example.org" });
        harness.ModelState.AddModelError("Website", "Enter the website <as> https://");
        harness.ModelState.AddModelError("Website", "A second message");
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website", Hint = "Starting with https://" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        var question = One(body, "div.ds_question.ds_question--error");
        var error = One(question, "p.ds_question__error-message#Website-error");
        Assert.Equal("Enter the website <as> https://", error.TextContent);
        Assert.Single(question.QuerySelectorAll(".ds_question__error-message"));
        var input = One(question, "input#Website");
        Assert.Contains("ds_input--error", input.ClassList);
        Assert.Equal("Website-hint Website-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("http://example.org", input.GetAttribute("value"));
    }

    [Fact]
    public async Task DsInput_ErrorWithoutHint_DescribedByTheErrorOnly()
    {
        // Arrange
        var harness = new TagHelperHarness();
        harness.ModelState.AddModelError("Website", "Enter a website");
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        Assert.Equal("Website-error", One(body, "input#Website").GetAttribute("aria-describedby"));
        Assert.Null(body.QuerySelector(".ds_hint-text"));
    }

    [Fact]
    public async Task DsInput_UnderAPrefix_IdIsTheOneTheErrorSummaryLinksTo()
    {
        // Arrange: the summary links "Input.Website" to #Input_Website (Html.GenerateIdFromName)
        var harness = new TagHelperHarness(prefix: "Input");
        harness.ModelState.AddModelError("Input.Website", "Enter a website");
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        var input = One(body, "input#Input_Website");
        Assert.Equal("Input.Website", input.GetAttribute("name"));
        Assert.Equal(TagBuilder.CreateSanitizedId("Input.Website", "_"), input.Id);
        Assert.NotNull(body.QuerySelector("#Input_Website-error"));
        Assert.Equal("Input_Website", One(body, "label").GetAttribute("for"));
    }

    [Fact]
    public async Task DsInput_AttributesItDoesNotBind_GoOnTheInput()
    {
        // Arrange
        var harness = new TagHelperHarness();
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input", ("autocomplete", new HtmlString("url")), ("class", "cjp-wide"), ("required", null));

        // Assert
        var question = One(body, "div");
        Assert.Equal("ds_question", question.ClassName);
        Assert.False(question.HasAttribute("autocomplete"));
        var input = One(body, "input#Website");
        Assert.Equal("url", input.GetAttribute("autocomplete"));
        Assert.Equal("ds_input cjp-wide", input.ClassName);
        Assert.True(input.HasAttribute("required"));
    }

    [Fact]
    public async Task DsInput_ValueThatCouldNotBeBound_IsShownAsTyped()
    {
        // Arrange: "12x" is no number, so the model is null and ModelState holds what was typed
        var harness = new TagHelperHarness();
        harness.ModelState.SetModelValue("ContactId", "12x", "12x");
        harness.ModelState.AddModelError("ContactId", "The value '12x' is not valid.");
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("ContactId"), Label = "Contact" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        Assert.Equal("12x", One(body, "input#ContactId").GetAttribute("value"));
    }

    [Fact]
    public async Task DsInput_BlankValueWithError_IsShownBlank()
    {
        // Arrange: spaces alone are bound as null, and [Required] says so
        var harness = new TagHelperHarness();
        harness.ModelState.SetModelValue("Website", "   ", "   ");
        harness.ModelState.AddModelError("Website", "Enter a website");
        var helper = new DsInputTagHelper(TagHelperHarness.Options) { For = harness.For("Website"), Label = "Website" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-input");

        // Assert
        Assert.False(One(body, "input#Website").HasAttribute("value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsTextarea_WritesTheValueEncodedInsideAndTheErrorPattern(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { Notes = "Line one\n<script>alert(1)</script>" });
        if (withError)
        {
            harness.ModelState.AddModelError("Notes", "Notes must be 4000 characters or fewer");
        }

        var helper = new DsTextareaTagHelper(TagHelperHarness.Options) { For = harness.For("Notes"), Label = "Notes", Rows = 4 };

        // Act
        var body = await harness.RenderAsync(helper, "ds-textarea");

        // Assert
        var textarea = One(body, "textarea#Notes");
        Assert.Equal("Notes", textarea.GetAttribute("name"));
        Assert.Equal("4", textarea.GetAttribute("rows"));
        Assert.Equal("Line one\n<script>alert(1)</script>", textarea.TextContent);
        Assert.Null(body.QuerySelector("script"));
        Assert.Equal(withError, body.QuerySelector("div.ds_question--error") is not null);
        Assert.Equal(withError ? "true" : null, textarea.GetAttribute("aria-invalid"));
        Assert.Equal(withError ? "Notes-error" : null, textarea.GetAttribute("aria-describedby"));
        Assert.Equal(withError, textarea.ClassList.Contains("ds_input--error"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsSelect_SelectsTheModelsOptionInItsGroupAndWritesTheErrorPattern(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { ContactId = 2 });
        if (withError)
        {
            harness.ModelState.AddModelError("ContactId", "Choose one of this partnership’s contacts");
        }

        var group = new SelectListGroup { Name = "Now in Fife & Forth" };
        var helper = new DsSelectTagHelper(TagHelperHarness.Options)
        {
            For = harness.For("ContactId"),
            Label = "Fallback contact",
            Hint = "While the post is vacant",
            EmptyOption = "No fallback contact",
            Items = [new("Ann <Smith>", "1"), new("Bob", "2") { Group = group }, new("Cat", "3") { Group = group }],
        };

        // Act
        var body = await harness.RenderAsync(helper, "ds-select");

        // Assert
        var select = One(body, "div.ds_select-wrapper > select.ds_select#ContactId");
        Assert.Equal("ContactId", select.GetAttribute("name"));
        Assert.NotNull(body.QuerySelector("div.ds_select-wrapper > span.ds_select-arrow[aria-hidden=true]"));
        Assert.Equal(["", "1", "2", "3"], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Ann <Smith>", select.QuerySelectorAll("option")[1].TextContent);
        Assert.Equal("2", One(select, "option[selected]").GetAttribute("value"));
        Assert.Equal(["2", "3"], One(select, "optgroup[label='Now in Fife & Forth']").QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal(withError ? "ContactId-hint ContactId-error" : "ContactId-hint", select.GetAttribute("aria-describedby"));
        Assert.Equal(withError ? "true" : null, select.GetAttribute("aria-invalid"));
        Assert.Equal(withError, select.ClassList.Contains("ds_input--error"));
        Assert.Equal(withError, body.QuerySelector("#ContactId-error.ds_question__error-message") is not null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsDate_WritesADateInputWithAnIsoValue(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { DueOn = new DateOnly(2026, 3, 31) });
        if (withError)
        {
            harness.ModelState.AddModelError("DueOn", "Enter a date in the reporting year");
        }

        var helper = new DsDateTagHelper(TagHelperHarness.Options) { For = harness.For("DueOn"), Label = "Due date", Hint = "For example, 31 3 2026" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-date");

        // Assert
        var input = One(body, "input#DueOn[type=date]");
        Assert.Equal("DueOn", input.GetAttribute("name"));
        Assert.Equal("2026-03-31", input.GetAttribute("value"));
        Assert.Equal(withError ? "DueOn-hint DueOn-error" : "DueOn-hint", input.GetAttribute("aria-describedby"));
        Assert.Equal(withError ? "true" : null, input.GetAttribute("aria-invalid"));
        Assert.Equal(withError, input.ClassList.Contains("ds_input--error"));
        Assert.Equal("DueOn", One(body, "label").GetAttribute("for"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsRadios_FirstOptionCarriesTheFieldsIdAndEachHintIsNamedByItsOption(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { Role = "Administrator" });
        if (withError)
        {
            harness.ModelState.AddModelError("Role", "Choose what they will be able to do");
        }

        var helper = new DsRadiosTagHelper(TagHelperHarness.Options)
        {
            For = harness.For("Role"),
            Legend = "What will they be able to do?",
            Items = [new ChoiceItem("CJS staff", "CjsStaff", "Manages coordinators"), new ChoiceItem("Administrator", "Administrator", "Also manages <staff>")],
        };

        // Act
        var body = await harness.RenderAsync(helper, "ds-radios");

        // Assert
        var fieldset = One(body, "div.ds_question > fieldset");
        Assert.Equal("What will they be able to do?", One(fieldset, "legend").TextContent);
        Assert.Equal(withError ? "Role-error" : null, fieldset.GetAttribute("aria-describedby"));
        Assert.Equal(withError, body.QuerySelector("div.ds_question--error") is not null);
        Assert.Equal(withError ? "Choose what they will be able to do" : null, fieldset.QuerySelector("#Role-error.ds_question__error-message")?.TextContent);
        var radios = fieldset.QuerySelectorAll("div.ds_radio > input.ds_radio__input[type=radio][name=Role]");
        Assert.Equal(["Role", "Role-Administrator"], radios.Select(r => r.Id));
        Assert.Equal(["Role-CjsStaff-hint", "Role-Administrator-hint"], radios.Select(r => r.GetAttribute("aria-describedby")));
        Assert.Equal("Also manages <staff>", One(fieldset, "#Role-Administrator-hint.ds_hint-text").TextContent);
        Assert.Equal("Administrator", One(fieldset, "input:checked").GetAttribute("value"));
        Assert.Equal("Role-Administrator", One(fieldset, "label[for=Role-Administrator].ds_radio__label").GetAttribute("for"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsCheckboxes_TickTheCollectionsValuesAndWriteTheErrorPattern(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { PartnershipIds = [3, 7] });
        if (withError)
        {
            harness.ModelState.AddModelError("PartnershipIds", "Choose partnerships from the list");
        }

        var helper = new DsCheckboxesTagHelper(TagHelperHarness.Options)
        {
            For = harness.For("PartnershipIds"),
            Legend = "Partnerships they will look after",
            Hint = "Choose one or more",
            Small = true,
            Items = [new("Falkirk", "1"), new("Fife", "3"), new("Orkney", "7")],
        };

        // Act
        var body = await harness.RenderAsync(helper, "ds-checkboxes");

        // Assert
        var fieldset = One(body, "div.ds_question > fieldset");
        Assert.Equal(withError ? "PartnershipIds-hint PartnershipIds-error" : "PartnershipIds-hint", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal(withError, fieldset.QuerySelector("#PartnershipIds-error") is not null);
        var boxes = fieldset.QuerySelectorAll("div.ds_checkbox.ds_checkbox--small > input.ds_checkbox__input[type=checkbox][name=PartnershipIds]");
        Assert.Equal(["PartnershipIds", "PartnershipIds-3", "PartnershipIds-7"], boxes.Select(b => b.Id));
        Assert.Equal(["3", "7"], fieldset.QuerySelectorAll("input:checked").Select(b => b.GetAttribute("value")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsCheckbox_TicksWhenTrueAndPostsFalseWhenNot(bool value)
    {
        // Arrange
        var harness = new TagHelperHarness(new() { IsPublished = value });
        var helper = new DsCheckboxTagHelper(TagHelperHarness.Options) { For = harness.For("IsPublished"), Label = "Show this contact on the public page" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-checkbox");

        // Assert
        var box = One(body, "div.ds_checkbox > input.ds_checkbox__input#IsPublished[type=checkbox][name=IsPublished]");
        Assert.Equal("true", box.GetAttribute("value"));
        Assert.Equal(value, box.HasAttribute("checked"));
        Assert.Equal("Show this contact on the public page", One(body, "label.ds_checkbox__label[for=IsPublished]").TextContent);
        var hidden = One(body, "div.ds_checkbox + input[type=hidden][name=IsPublished]");
        Assert.Equal("false", hidden.GetAttribute("value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DsFile_WritesTheDesignSystemUploadWithTheErrorPattern(bool withError)
    {
        // Arrange
        var harness = new TagHelperHarness();
        if (withError)
        {
            harness.ModelState.AddModelError("Upload", "The selected file must be a PDF");
        }

        var helper = new DsFileTagHelper(TagHelperHarness.Options) { For = harness.For("Upload"), Label = "Upload the plan", Hint = "A PDF, up to 10 MB" };

        // Act
        var body = await harness.RenderAsync(helper, "ds-file", ("accept", ".pdf"));

        // Assert
        var input = One(body, "div.ds_question > div.ds_file-upload[data-module=ds-file-upload] > input.ds_file-upload__input#Upload[type=file]");
        Assert.Equal("Upload", input.GetAttribute("name"));
        Assert.Equal(".pdf", input.GetAttribute("accept"));
        Assert.False(input.HasAttribute("value"));
        Assert.Equal(withError ? "Upload-hint Upload-error" : "Upload-hint", input.GetAttribute("aria-describedby"));
        Assert.Equal(withError ? "true" : null, input.GetAttribute("aria-invalid"));
        Assert.Equal(withError, input.ClassList.Contains("ds_file-upload__input--error"));
        Assert.Equal("Upload", One(body, "label.ds_label").GetAttribute("for"));
    }

    private static IElement One(IElement scope, string selector)
    {
        var found = scope.QuerySelectorAll(selector);
        return found.Length == 1 ? found[0] : throw new Xunit.Sdk.XunitException($"Expected one '{selector}', found {found.Length} in: {scope.OuterHtml}");
    }
}
