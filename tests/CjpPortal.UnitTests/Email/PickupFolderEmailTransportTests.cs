using System.Text;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;

namespace CjpPortal.UnitTests.Email;

public sealed class PickupFolderEmailTransportTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cjp-pickup-");

    public void Dispose() => folder.Delete(recursive: true);

    private PickupFolderEmailTransport Transport() => new(folder.FullName, "portal@cjp.example.org", TimeProvider.System);

    [Fact]
    public async Task SendAsync_Message_WritesOneEmlWithBothPartsAndHeaders()
    {
        // Arrange
        var link = new Uri("https://cjp.example.org/account/invitation/abc");
        var message = new InvitationEmail("name@example.org", link).ToMessage();

        // Act
        await Transport().SendAsync(message);

        // Assert
        var file = Assert.Single(folder.GetFiles());
        Assert.Equal(".eml", file.Extension);
        var eml = await File.ReadAllTextAsync(file.FullName);
        Assert.Contains("\r\nTo: name@example.org\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\nSubject: You have been invited to the Community Justice Partnerships portal\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\nAuto-Submitted: auto-generated\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", eml, StringComparison.Ordinal);
        var parts = Decoded(eml);
        Assert.Contains(parts, p => p == message.TextBody);
        Assert.Contains(parts, p => p == message.HtmlBody);
    }

    [Fact]
    public async Task SendAsync_HeaderValueWithLineBreak_IsRefusedAndWritesNothing()
    {
        // Arrange: a value trying to add a recipient
        var message = new EmailMessage("name@example.org\r\nBcc: attacker@evil.example", "Subject", "Body");

        // Act and Assert
        await Assert.ThrowsAsync<ArgumentException>(() => Transport().SendAsync(message));
        Assert.Empty(folder.GetFiles());
    }

    [Fact]
    public void Render_SubjectOutsideAscii_IsEncoded()
    {
        // Act
        var eml = Transport().Render(new EmailMessage("name@example.org", "Comhairle nan Eilean Siar – plan", "Body"));

        // Assert
        Assert.Contains("Subject: =?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Comhairle nan Eilean Siar – plan")) + "?=", eml, StringComparison.Ordinal);
    }

    private static List<string> Decoded(string eml) =>
        [.. eml.Split("Content-Transfer-Encoding: base64\r\n\r\n").Skip(1)
            .Select(part => part.Split("\r\n--")[0].Replace("\r\n", string.Empty, StringComparison.Ordinal))
            .Select(base64 => Encoding.UTF8.GetString(Convert.FromBase64String(base64)))];
}
