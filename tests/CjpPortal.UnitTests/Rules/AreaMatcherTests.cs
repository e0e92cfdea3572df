using CjpPortal.Core.Rules;
using CjpPortal.Core.Seed;

namespace CjpPortal.UnitTests.Rules;

public sealed class AreaMatcherTests
{
    /// <summary>The names the portal's area index searches: council areas, their aliases, partnership names and slugs.</summary>
    private static readonly AreaMatcher Matcher = new(
        ReferenceData.CouncilAreas.SelectMany(row => new[] { new AreaName(row.Name, row.PartnershipSlug) }
            .Concat(row.Aliases.Select(alias => new AreaName(alias, row.PartnershipSlug)))
            .Append(new AreaName(row.PartnershipName, row.PartnershipSlug))
            .Append(new AreaName(row.PartnershipSlug.Replace('-', ' '), row.PartnershipSlug))));

    [Theory]
    [InlineData("Western Isles", "western-isles")]
    [InlineData("Eilean Siar", "western-isles")]
    [InlineData("Comhairle nan Eilean Siar", "western-isles")]
    [InlineData("na h-eileanan siar", "western-isles")]
    [InlineData("Edinburgh", "edinburgh")]
    [InlineData("City of Edinburgh", "edinburgh")]
    [InlineData("City of Edinburgh Council", "edinburgh")]
    [InlineData("Borders", "scottish-borders")]
    [InlineData("Glasgow City Council", "glasgow")]
    [InlineData("ayrshire", "ayrshire")]
    [InlineData("North Ayrshire", "ayrshire")]
    [InlineData("Community Justice Ayrshire", "ayrshire")]
    [InlineData("Perth & Kinross", "perth-and-kinross")]
    [InlineData("  FALKIRK ", "falkirk")]
    [InlineData("Falkirk Community Justice Partnership", "falkirk")]
    [InlineData("Dùndee", "dundee")]
    [InlineData("Orkney", "orkney")]
    public void Match_KnownNameOrAlias_ReturnsOnePartnership(string query, string expected)
    {
        // Act
        var matches = Matcher.Match(query);

        // Assert
        Assert.Equal([expected], matches);
    }

    [Fact]
    public void Match_Aberdeen_ReturnsTheCityAndTheShire()
    {
        // Act: "Aberdeen" is the city's alias, and people in Aberdeenshire say it too.
        var matches = Matcher.Match("Aberdeen");

        // Assert
        Assert.Equal(["aberdeen-city", "aberdeenshire"], matches);
    }

    [Fact]
    public void Match_ForthValley_ReturnsFalkirkStirlingAndClackmannanshire()
    {
        // Act
        var matches = Matcher.Match("Forth Valley");

        // Assert
        Assert.Equal(["clackmannanshire", "falkirk", "stirling"], matches.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Na h-Eileanan an Iar")]
    [InlineData("na h eileanan an iar")]
    public void Match_GaelicNameOfTheWesternIsles_ReturnsWesternIsles(string query)
    {
        // Act
        var matches = Matcher.Match(query);

        // Assert
        Assert.Equal(["western-isles"], matches);
    }

    [Fact]
    public void Match_Dunbar_DoesNotOfferTheDunbartonshires()
    {
        // Arrange: Dunbar is a town in East Lothian; only "-shire" extends a name.
        var matcher = new AreaMatcher([new AreaName("Dunbar", "east-lothian"), new AreaName("East Dunbartonshire", "east-dunbartonshire")]);

        // Act
        var matches = matcher.Match("Dunbar");

        // Assert
        Assert.Equal(["east-lothian"], matches);
    }

    [Fact]
    public void Match_PartOfAPlaceName_MatchesFromTheStartOfAWordWithFiveLetters()
    {
        // Arrange
        var matcher = new AreaMatcher(
        [
            new AreaName("Stonehouse", "south-lanarkshire", "Stonehouse, South Lanarkshire"),
            new AreaName("Kirkwall", "orkney", "Kirkwall, Orkney Islands"),
            new AreaName("Bridge of Allan", "stirling", "Bridge of Allan, Stirling"),
        ]);

        // Act
        var house = matcher.Match("House");
        var kirk = matcher.Match("Kirk");
        var kirkw = matcher.Match("Kirkw");
        var allan = matcher.Match("Allan");

        // Assert: a word's start only, and five letters at least.
        Assert.Empty(house);
        Assert.Empty(kirk);
        Assert.Equal(["orkney"], kirkw);
        Assert.Equal(["stirling"], allan);
    }

    [Fact]
    public void Match_Lanarkshire_ReturnsBothLanarkshirePartnerships()
    {
        // Act
        var matches = Matcher.Match("Lanarkshire");

        // Assert
        Assert.Equal(["north-lanarkshire", "south-lanarkshire"], matches.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Match_PartOfSeveralNames_ReturnsThoseStartingWithItFirst()
    {
        // Act: "dun" starts "Dundee" and sits inside "East Dunbartonshire" and "West Dunbartonshire".
        var matches = Matcher.Match("Dun");

        // Assert
        Assert.Equal("dundee", matches[0]);
        Assert.Contains("east-dunbartonshire", matches);
        Assert.Contains("west-dunbartonshire", matches);
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("the council")]
    [InlineData("and")]
    [InlineData("&")]
    [InlineData("ab")]
    public void Match_NothingRecognisable_ReturnsNone(string? query)
    {
        // Act
        var matches = Matcher.Match(query);

        // Assert
        Assert.Empty(matches);
    }

    [Theory]
    [InlineData("Perth & Kinross", "perth and kinross")]
    [InlineData("Na h-Eileanan Siar", "na h eileanan siar")]
    [InlineData("  St.  Andrew's ", "st andrew s")]
    public void Normalise_Text_ReturnsLowerCaseWords(string text, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, AreaMatcher.Normalise(text));
    }
}
