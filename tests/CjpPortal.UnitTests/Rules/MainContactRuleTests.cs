using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class MainContactRuleTests
{
    private static readonly ContactCandidate Coordinator = new(1, "Alex Example", "Community Justice Coordinator", IsCoordinator: true, IsPublished: true, "alex@example.org", "0131 496 0001", DisplayOrder: 0);
    private static readonly ContactCandidate Officer = new(2, "Sam Sample", "Community Justice Officer", IsCoordinator: false, IsPublished: true, "sam@example.org", "0131 496 0002", DisplayOrder: 1);
    private static readonly ContactCandidate Analyst = new(3, "Robin Specimen", "Data Analyst", IsCoordinator: false, IsPublished: true, null, null, DisplayOrder: 2);
    private static readonly TsiCandidate[] Tsis = [new("Falkirk Third Sector Interface", "info@falkirk-tsi.example.org", "0131 496 0005"), new("Stirling Third Sector Interface", null, null)];

    [Fact]
    public void Choose_PublishedCoordinator_ReturnsCoordinator()
    {
        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: false, fallbackContactId: 2, [Officer, Coordinator], Tsis);

        // Assert
        Assert.Equal(MainContactKind.Coordinator, main.Kind);
        Assert.Equal("Alex Example", main.Name);
        Assert.Equal("Community Justice Coordinator", main.Role);
        Assert.Equal("alex@example.org", main.Email);
        Assert.Equal("0131 496 0001", main.Phone);
    }

    [Fact]
    public void Choose_PostVacant_ReturnsFallbackContact()
    {
        // Act: a coordinator row may linger after the post falls vacant; the fallback is still shown.
        var main = MainContactRule.Choose(coordinatorPostVacant: true, fallbackContactId: 3, [Coordinator, Officer, Analyst], Tsis);

        // Assert
        Assert.Equal(MainContactKind.Fallback, main.Kind);
        Assert.Equal("Robin Specimen", main.Name);
        Assert.Equal("Contact while the coordinator post is vacant", main.KindLabel);
    }

    [Fact]
    public void Choose_PostVacantWithoutFallbackChosen_ReturnsThirdSectorInterfaceNotAnotherContact()
    {
        // Act: only the chosen fallback may be named while the post is vacant
        var main = MainContactRule.Choose(coordinatorPostVacant: true, fallbackContactId: null, [Analyst, Coordinator, Officer], Tsis);

        // Assert
        Assert.Equal(MainContactKind.ThirdSectorInterface, main.Kind);
        Assert.Equal("Falkirk Third Sector Interface", main.Name);
    }

    [Fact]
    public void Choose_PostVacantAndNoOtherContact_ReturnsFirstThirdSectorInterface()
    {
        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: true, fallbackContactId: null, [Coordinator], Tsis);

        // Assert
        Assert.Equal(MainContactKind.ThirdSectorInterface, main.Kind);
        Assert.Equal("Falkirk Third Sector Interface", main.Name);
        Assert.Equal("info@falkirk-tsi.example.org", main.Email);
        Assert.Null(main.Role);
    }

    [Fact]
    public void Choose_UnpublishedCoordinatorWhilePostFilled_ReturnsNextContactNotLabelledAsVacancyCover()
    {
        // Arrange
        var hidden = Coordinator with { IsPublished = false };

        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: false, fallbackContactId: null, [hidden, Officer], Tsis);

        // Assert
        Assert.Equal(MainContactKind.OtherContact, main.Kind);
        Assert.Equal("Sam Sample", main.Name);
        Assert.DoesNotContain("vacant", main.KindLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_UnpublishedCoordinatorWhilePostFilledWithFallbackChosen_ReturnsTheChosenFallback()
    {
        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: false, fallbackContactId: 3, [Coordinator with { IsPublished = false }, Officer, Analyst], Tsis);

        // Assert
        Assert.Equal(MainContactKind.OtherContact, main.Kind);
        Assert.Equal("Robin Specimen", main.Name);
    }

    [Fact]
    public void Choose_UnpublishedFallback_IsNotNamedNorReplacedByAnotherContact()
    {
        // Arrange
        var hidden = Analyst with { IsPublished = false };

        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: true, fallbackContactId: hidden.Id, [hidden, Officer], Tsis);

        // Assert
        Assert.Equal(MainContactKind.ThirdSectorInterface, main.Kind);
        Assert.NotEqual("Sam Sample", main.Name);
        Assert.NotEqual("Robin Specimen", main.Name);
    }

    [Fact]
    public void Choose_NoContactsAndNoTsi_ReturnsNone()
    {
        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: true, fallbackContactId: null, [Coordinator with { IsPublished = false }], []);

        // Assert
        Assert.Same(MainContact.None, main);
        Assert.Equal(MainContactKind.None, main.Kind);
    }

    [Fact]
    public void Choose_TwoCoordinators_ReturnsTheOneShownFirst()
    {
        // Arrange
        var second = Coordinator with { Id = 9, Name = "Jordan Demo", DisplayOrder = 5 };

        // Act
        var main = MainContactRule.Choose(coordinatorPostVacant: false, fallbackContactId: null, [second, Coordinator], Tsis);

        // Assert
        Assert.Equal("Alex Example", main.Name);
    }
}
