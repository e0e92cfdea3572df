using System.Globalization;
using System.Reflection;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.Manage.Partnerships.Contacts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Strings reach the pages trimmed and blank ones as null, through the portal's own model binding; passwords
/// reach them exactly as typed.</summary>
[Collection(PortalCollection.Name)]
public sealed class FormBindingTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("  Morag Sinclair \t", "Morag Sinclair")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    public async Task Post_TypedString_IsBoundTrimmedAndBlankAsNull(string typed, string? bound)
    {
        // Act
        var value = await BindAsync(typeof(ContactFormModel), nameof(ContactFormModel.Name), typed);

        // Assert
        Assert.Equal(bound, value);
    }

    [Theory]
    [InlineData(typeof(CjpPortal.Web.Pages.Account.SignIn.IndexModel), "Password")]
    [InlineData(typeof(CjpPortal.Web.Pages.Account.InvitationModel), "Password")]
    [InlineData(typeof(CjpPortal.Web.Pages.Account.InvitationModel), "ConfirmPassword")]
    [InlineData(typeof(CjpPortal.Web.Pages.Account.ResetPasswordModel), "Password")]
    [InlineData(typeof(CjpPortal.Web.Pages.Account.ResetPasswordModel), "ConfirmPassword")]
    public async Task Post_Password_IsBoundExactlyAsTyped(Type page, string property)
    {
        // Act
        var value = await BindAsync(page, property, "  heather lighthouse  ");

        // Assert
        Assert.Equal("  heather lighthouse  ", value);
    }

    [Fact]
    public async Task Get_EveryBoundPasswordOnAnyPage_IsMarkedNoTrim()
    {
        // Arrange: every page the app serves, loaded
        var passwords = (await ServedEndpoints.PagesAsync(fixture.Factory.Services))
            .SelectMany(p => p.Page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            .Where(p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Property)
            .Distinct()
            .ToList();

        // Act
        var trimmed = passwords.Where(p => p.GetCustomAttribute<NoTrimAttribute>() is null).Select(p => $"{p.DeclaringType?.Name}.{p.Name}");

        // Assert
        Assert.True(passwords.Count >= 5, $"Expected the account pages' password fields, found {passwords.Count}.");
        Assert.Empty(trimmed);
    }

    /// <summary>Binds <paramref name="typed"/>, posted in a form, to <paramref name="page"/>'s property with the
    /// binder the portal would choose for it.</summary>
    private async Task<string?> BindAsync(Type page, string property, string typed)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var metadata = services.GetRequiredService<IModelMetadataProvider>().GetMetadataForProperty(page, property);
        var binder = services.GetRequiredService<IModelBinderFactory>().CreateBinder(new ModelBinderFactoryContext
        {
            Metadata = metadata,
            BindingInfo = new BindingInfo { BindingSource = BindingSource.Form },
        });
        var actionContext = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { [property] = typed });
        var context = DefaultModelBindingContext.CreateBindingContext(
            actionContext, new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture), metadata, bindingInfo: null, modelName: property);

        await binder.BindModelAsync(context);

        return context.Result.IsModelSet ? (string?)context.Result.Model : throw new InvalidOperationException($"{property} was not bound.");
    }
}
