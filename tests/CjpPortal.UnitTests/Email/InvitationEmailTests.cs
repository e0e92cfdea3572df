using CjpPortal.Core.Email.Messages;

namespace CjpPortal.UnitTests.Email;

/// <summary>The invitation names who sent it and the partnerships the person will look after.</summary>
public sealed class InvitationEmailTests
{
    private static readonly Uri Link = new("https://cjp.example.org/account/invitation/abc_DEF-123");

    [Fact]
    public void ToMessage_InviterAndPartnerships_AreNamedInBothParts()
    {
        // Act
        var message = new InvitationEmail("new@example.org", Link, "alex.staff@cjs.example.org", ["Falkirk", "Orkney & Shetland"]).ToMessage();

        // Assert
        Assert.Contains("alex.staff@cjs.example.org has given you an account", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Falkirk and Orkney & Shetland", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("alex.staff@cjs.example.org", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Falkirk and Orkney &amp; Shetland", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMessage_NoInviterOrPartnerships_KeepsThePlainIntroduction()
    {
        // Act
        var message = new InvitationEmail("new@example.org", Link).ToMessage();

        // Assert
        Assert.StartsWith("You have been given an account on the Community Justice Partnerships portal.", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "Falkirk" }, "Falkirk")]
    [InlineData(new[] { "Angus", "Falkirk" }, "Angus and Falkirk")]
    [InlineData(new[] { "Angus", "Falkirk", "Stirling" }, "Angus, Falkirk and Stirling")]
    public void Listed_Names_ReadAsASentence(string[] names, string expected) =>
        Assert.Equal(expected, InvitationEmail.Listed(names));
}
