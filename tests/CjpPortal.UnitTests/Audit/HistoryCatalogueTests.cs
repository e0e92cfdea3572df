using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;

namespace CjpPortal.UnitTests.Audit;

public sealed class HistoryCatalogueTests
{
    [Theory]
    [InlineData("Partnership", "Partnership details")]
    [InlineData("EngagementRoute", "Engagement route")]
    [InlineData("Contact", "Contact")]
    [InlineData("ThirdSectorInterface", "Third Sector Interface")]
    [InlineData("Document", "Document")]
    [InlineData("SomethingElse", "SomethingElse")]
    public void EntityLabel_StoredName_ReadsAsACoordinatorWouldSayIt(string entity, string expected)
    {
        // Act
        var label = HistoryCatalogue.EntityLabel(entity);

        // Assert
        Assert.Equal(expected, label);
    }

    [Theory]
    [InlineData("Partnership", "GovernanceNotes", "Governance notes")]
    [InlineData("Partnership", "FallbackContactId", "Fallback contact")]
    [InlineData("Partnership", "LastConfirmedOn", "Last confirmed")]
    [InlineData("Partnership", "CouncilAreas", "Council areas")]
    [InlineData("Partnership", "Coordinators", "Coordinators")]
    [InlineData("EngagementRoute", "Kind", "Kind of route")]
    [InlineData("EngagementRoute", "Format", "Meeting format")]
    [InlineData("EngagementRoute", "DisplayOrder", "Position")]
    [InlineData("Contact", "IsCoordinator", "Coordinator")]
    [InlineData("Contact", "Email", "E-mail")]
    [InlineData("ThirdSectorInterface", "CouncilAreaId", "Council area")]
    [InlineData("Document", "FileName", "File name")]
    [InlineData("Account", "CjsStaff", "CJS staff")]
    [InlineData("Partnership", "Slug", "Slug")]
    public void FieldLabel_StoredField_ReadsAsACoordinatorWouldSayIt(string entity, string field, string expected)
    {
        // Act
        var label = HistoryCatalogue.FieldLabel(entity, field);

        // Assert
        Assert.Equal(expected, label);
    }

    [Theory]
    [InlineData("EngagementRoute", "Kind", "LocalForum", "Local third-sector forum")]
    [InlineData("EngagementRoute", "Format", "Blended", "Online and in person")]
    [InlineData("EngagementRoute", "RepresentationKind", "ViaThirdSectorInterface", "Through the Third Sector Interface")]
    [InlineData("EngagementRoute", "IsActive", "yes", "Yes")]
    [InlineData("Contact", "IsPublished", "no", "No")]
    [InlineData("Partnership", "LastConfirmedOn", "2026-11-23", "23 November 2026")]
    [InlineData("Partnership", "Website", "https://example.org", "https://example.org")]
    [InlineData("Partnership", "GovernanceNotes", "no", "no")]
    [InlineData("EngagementRoute", "Kind", "NoSuchKind", "NoSuchKind")]
    [InlineData("Partnership", "Website", null, HistoryCatalogue.Blank)]
    [InlineData("Contact", "Phone", "", HistoryCatalogue.Blank)]
    [InlineData("Document", "Format", "Odt", "ODT")]
    public void Display_StoredValue_FormattedByTheFieldsType(string entity, string field, string? stored, string expected)
    {
        // Act
        var shown = HistoryCatalogue.Display(entity, field, stored);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void StoredValue_ThenDisplay_RoundTripsEveryKindOfValue()
    {
        // Act
        var shown = new[]
        {
            HistoryCatalogue.Display("EngagementRoute", "Kind", HistoryCatalogue.StoredValue(EngagementRouteKind.Matac)),
            HistoryCatalogue.Display("EngagementRoute", "IsActive", HistoryCatalogue.StoredValue(false)),
            HistoryCatalogue.Display("Partnership", "LastConfirmedOn", HistoryCatalogue.StoredValue(new DateOnly(2025, 3, 1))),
            HistoryCatalogue.Display("EngagementRoute", "DisplayOrder", HistoryCatalogue.StoredValue(12)),
            HistoryCatalogue.Display("Contact", "Name", HistoryCatalogue.StoredValue(string.Empty)),
        };

        // Assert
        Assert.Equal(["MATAC (domestic abuse)", "No", "1 March 2025", "12", HistoryCatalogue.Blank], shown);
    }

    [Theory]
    [InlineData(typeof(Partnership), null)]
    [InlineData(typeof(EngagementRoute), "Title")]
    [InlineData(typeof(Contact), "Name")]
    [InlineData(typeof(ThirdSectorInterface), "CouncilAreaId")]
    [InlineData(typeof(Document), "FileName")]
    public void For_AuditedType_NamesItsRecordsByTheirNameField(Type type, string? nameField)
    {
        // Act
        var entity = HistoryCatalogue.For(type);

        // Assert
        Assert.NotNull(entity);
        Assert.Equal((type.Name, nameField), (entity.Entity, entity.NameField));
    }

    [Theory]
    [InlineData(typeof(CouncilArea))]
    [InlineData(typeof(Place))]
    [InlineData(typeof(ApplicationUser))]
    [InlineData(typeof(DocumentContent))]
    public void For_TypeNotInTheCatalogue_IsNotAudited(Type type)
    {
        // Act
        var entity = HistoryCatalogue.For(type);

        // Assert
        Assert.Null(entity);
    }

    [Fact]
    public void Entities_EveryAuditedType_DeclaresItsPartnership()
    {
        // Act
        var types = HistoryCatalogue.Entities.Select(e => e.ClrType).OfType<Type>().ToList();

        // Assert
        Assert.Equal(12, types.Count);
        Assert.All(types, type => Assert.True(typeof(IPartnershipOwned).IsAssignableFrom(type), type.Name));
    }

    [Fact]
    public void OwningPartnershipId_EachOwnedRecord_IsItsPartnership()
    {
        // Arrange
        var area = new CouncilArea { GssCode = "S12000014", Name = "Falkirk", PartnershipId = 7 };
        IPartnershipOwned[] owned =
        [
            new Partnership { Id = 7, Name = "Falkirk", Slug = "falkirk" },
            new EngagementRoute { PartnershipId = 7, Title = "Forum" },
            new Contact { PartnershipId = 7, Name = "A", Role = "B" },
            new ThirdSectorInterface { Name = "CVS Falkirk", CouncilArea = area },
            new Document { PartnershipId = 7, FileName = "plan.pdf", Sha256 = new string('0', 64) },
            new Cjoip { PartnershipId = 7 },
            new ParticipationStatement { Cjoip = new Cjoip { PartnershipId = 7 } },
            new AnnualReturn { PartnershipId = 7, ReportingYearStart = 2024 },
        ];

        // Act
        var ids = owned.Select(o => o.OwningPartnershipId).ToList();

        // Assert
        Assert.All(ids, id => Assert.Equal(7, id));
    }

    [Theory]
    [InlineData(null, false, "At the top")]
    [InlineData("Anna Reid", false, "Below Anna Reid")]
    [InlineData(null, true, "Moved to the top")]
    [InlineData("Anna Reid", true, "Moved below Anna Reid")]
    public void DisplayPlacement_StoredPlacement_ReadsAsAMove(string? below, bool moved, string expected)
    {
        // Arrange
        var stored = HistoryCatalogue.PlacementValue(below);

        // Act
        var shown = HistoryCatalogue.DisplayPlacement(stored, moved);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void IgnoredFields_DisplayOrder_IsNotRecorded() =>
        Assert.Contains("DisplayOrder", HistoryCatalogue.IgnoredFields);

    [Fact]
    public void StoredValueAndDisplay_StatementRouteKinds_AreNamesStoredAndLabelsShown()
    {
        // Arrange
        List<EngagementRouteKind> kinds = [EngagementRouteKind.LocalForum, EngagementRouteKind.Matac];

        // Act
        var stored = HistoryCatalogue.StoredValue(kinds);
        var shown = HistoryCatalogue.Display("ParticipationStatement", "RouteKinds", stored);

        // Assert
        Assert.Equal("LocalForum, Matac", stored);
        Assert.Equal("Local third-sector forum, MATAC (domestic abuse)", shown);
        Assert.Null(HistoryCatalogue.StoredValue(new List<EngagementRouteKind>()));
    }

    [Theory]
    [InlineData("Analyse.Involvement", "Partly", "Analyse: third sector involved", "Partly")]
    [InlineData("Review.RouteKinds", "LocalForum,Consultation", "Review: how", "Local third-sector forum, Consultation")]
    [InlineData("SubmittedOn", "2025-10-01", "Submitted to Community Justice Scotland", "1 October 2025")]
    public void Display_AnnualReturnField_ReadsAsACoordinatorWouldSayIt(string field, string stored, string label, string shown)
    {
        // Act
        var (actualLabel, actualShown) = (HistoryCatalogue.FieldLabel("AnnualReturn", field), HistoryCatalogue.Display("AnnualReturn", field, stored));

        // Assert
        Assert.Equal((label, shown), (actualLabel, actualShown));
    }

    [Fact]
    public void StoredKinds_KindsInAnyOrder_AreStoredInTheirOwnOrderAndNoneAsNull()
    {
        // Act
        var stored = HistoryCatalogue.StoredKinds([EngagementRouteKind.Consultation, EngagementRouteKind.LocalForum]);

        // Assert
        Assert.Equal("LocalForum, Consultation", stored);
        Assert.Null(HistoryCatalogue.StoredKinds([]));
    }
}
