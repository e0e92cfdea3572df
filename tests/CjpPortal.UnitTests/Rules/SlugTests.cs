using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Perth & Kinross", "perth-and-kinross")]
    [InlineData("Na h-Eileanan Siar", "na-h-eileanan-siar")]
    [InlineData("Comhairle nan Eilean Siar", "comhairle-nan-eilean-siar")]
    [InlineData("Dùn Èideann", "dun-eideann")]
    [InlineData("Ceàrn Dhùn Dè", "cearn-dhun-de")]
    [InlineData("  Falkirk  ", "falkirk")]
    [InlineData("St Andrew's   Centre", "st-andrews-centre")]
    [InlineData("Glasgow City (North East)", "glasgow-city-north-east")]
    [InlineData("2024/25 Forum", "2024-25-forum")]
    public void From_Name_ReturnsLowerCaseAsciiWordsJoinedByHyphens(string text, string expected)
    {
        // Act
        var slug = Slug.From(text);

        // Assert
        Assert.Equal(expected, slug);
    }

    [Fact]
    public void From_VeryLongName_IsCutToMaxLengthWithoutTrailingHyphen()
    {
        // Arrange
        var text = string.Join(' ', Enumerable.Repeat("abcdefghi", 20));

        // Act
        var slug = Slug.From(text);

        // Assert
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("falkirk", true)]
    [InlineData("perth-and-kinross", true)]
    [InlineData("na-h-eileanan-siar", true)]
    [InlineData("Falkirk", false)]
    [InlineData("perth--kinross", false)]
    [InlineData("-falkirk", false)]
    [InlineData("falkirk-", false)]
    [InlineData("perth&kinross", false)]
    [InlineData("dùn", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Text_AcceptsOnlyCanonicalSlugs(string? text, bool expected)
    {
        // Act
        var valid = Slug.IsValid(text);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Fact]
    public void IsValid_LongerThanMaxLength_IsFalse()
    {
        // Arrange
        var slug = new string('a', Slug.MaxLength + 1);

        // Act / Assert
        Assert.False(Slug.IsValid(slug));
        Assert.True(Slug.IsValid(slug[..Slug.MaxLength]));
    }
}
