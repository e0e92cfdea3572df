using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class SpellingTests
{
    [Theory]
    [InlineData("falkirk", "falkirk", 0)]
    [InlineData("falkrik", "falkirk", 1)] // two letters swapped
    [InlineData("glasow", "glasgow", 1)] // a letter left out
    [InlineData("dundeee", "dundee", 1)] // a letter doubled
    [InlineData("morey", "moray", 1)] // a letter wrong
    [InlineData("kirkcaldie", "kirkcaldy", 2)]
    [InlineData("", "fife", 4)]
    public void EditDistance_TwoWords_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
    {
        // Act
        var distance = Spelling.EditDistance(a, b);

        // Assert
        Assert.Equal(expected, distance);
    }

    [Theory]
    [InlineData("Falkrik", "Falkirk")]
    [InlineData("Edinbrugh", "Edinburgh")]
    [InlineData("Glasow", "Glasgow")]
    [InlineData("Aberdene", "Aberdeen")]
    [InlineData("Dundeee", "Dundee")]
    [InlineData("Aberdeen shire", "Aberdeenshire")]
    [InlineData("Perth & Kinros", "Perth and Kinross")]
    [InlineData("Fiffe", "Fife")]
    [InlineData("Kirkcaldie", "Kirkcaldy")]
    public void IsLikelyMisspelling_CloseSpelling_IsTrue(string typed, string name)
    {
        // Act
        var close = Spelling.IsLikelyMisspelling(typed, name);

        // Assert
        Assert.True(close);
    }

    [Theory]
    [InlineData("Alba", "Alva")] // four letters: one wrong letter is another word
    [InlineData("Hull", "Mull")]
    [InlineData("Cambridge", "Coatbridge")] // nine letters: one edit at most
    [InlineData("Forest", "Forres")]
    [InlineData("Paris", "Harris")]
    [InlineData("Fi", "Fife")]
    public void IsLikelyMisspelling_DifferentWord_IsFalse(string typed, string name)
    {
        // Act
        var close = Spelling.IsLikelyMisspelling(typed, name);

        // Assert
        Assert.False(close);
    }
}
