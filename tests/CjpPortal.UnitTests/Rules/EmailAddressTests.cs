using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

/// <summary>Addresses end up in published mailto: links, so anything that could add a header, a second recipient or
/// markup to the link is refused, however valid RFC 5322 finds it.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("name@example.org")]
    [InlineData("first.last@falkirk.gov.uk")]
    [InlineData("community-justice_team+forum@north-ayrshire.gov.uk")]
    [InlineData("j.smith2@cjs.scot")]
    [InlineData("Name@Example.ORG")]
    public void IsValid_PlainAddress_IsTrue(string address)
    {
        // Act
        var valid = EmailAddress.IsValid(address);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData("real%40falkirk.gov.uk?cc=attacker@evil.example")]
    [InlineData("real@falkirk.gov.uk?cc=attacker@evil.example")]
    [InlineData("real@falkirk.gov.uk&cc=attacker@evil.example")]
    [InlineData("real%40falkirk.gov.uk@evil.example")]
    [InlineData("\"<script>alert(1)</script>\"@example.org")]
    [InlineData("\"a b\"@example.org")]
    [InlineData("\"real@falkirk.gov.uk?cc=x\"@example.org")]
    [InlineData("o'brien@example.org")]
    [InlineData("<name@example.org>")]
    [InlineData("Name <name@example.org>")]
    [InlineData("name@example.org, other@example.org")]
    [InlineData("name@example.org;other@example.org")]
    [InlineData("name,other@example.org")]
    [InlineData("na me@example.org")]
    [InlineData("name@exa mple.org")]
    [InlineData("name@example.org\r\nBcc: attacker@evil.example")]
    [InlineData("name#fragment@example.org")]
    [InlineData("name@example.org#x")]
    [InlineData("name@example.org/path")]
    [InlineData("name\\x@example.org")]
    [InlineData("name@[127.0.0.1]")]
    [InlineData("name@localhost")]
    [InlineData("name@example")]
    [InlineData("name@@example.org")]
    [InlineData("name@sub@example.org")]
    [InlineData("@example.org")]
    [InlineData("name@")]
    [InlineData(".name@example.org")]
    [InlineData("name.@example.org")]
    [InlineData("na..me@example.org")]
    [InlineData("name@example..org")]
    [InlineData("name@-example.org")]
    [InlineData("name@example-.org")]
    [InlineData("name@.example.org")]
    [InlineData("name@example.org.")]
    [InlineData("name@example.123")]
    [InlineData("námé@example.org")]
    [InlineData("name@exämple.org")]
    [InlineData(" name@example.org")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_AddressThatCouldChangeAMailtoLink_IsFalse(string? address)
    {
        // Act
        var valid = EmailAddress.IsValid(address);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_LocalPartLongerThan64Characters_IsFalse()
    {
        // Arrange
        var address = new string('a', 65) + "@example.org";

        // Act
        var valid = EmailAddress.IsValid(address);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_AddressLongerThan254Characters_IsFalse()
    {
        // Arrange: labels of 63 characters, each allowed on its own
        var address = "name@" + string.Join('.', Enumerable.Repeat(new string('d', 63), 4)) + ".org";

        // Act
        var valid = EmailAddress.IsValid(address);

        // Assert
        Assert.True(address.Length > 254);
        Assert.False(valid);
    }

    [Theory]
    [InlineData("  Name.Surname@Falkirk.GOV.uk ", "name.surname@falkirk.gov.uk")]
    [InlineData("name@example.org", "name@example.org")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalise_TypedAddress_IsTrimmedAndLowerCase(string? typed, string? stored)
    {
        // Act
        var normalised = EmailAddress.Normalise(typed);

        // Assert
        Assert.Equal(stored, normalised);
    }
}
