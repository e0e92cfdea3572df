using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using MimeKit;

namespace CjpPortal.UnitTests.Email;

public sealed class SmtpEmailTransportTests
{
    private static readonly MailboxAddress From = MailboxAddress.Parse("CJP Portal <portal@cjp.example.org>");
    private static readonly DateTimeOffset Date = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToMime_MessageWithHtml_IsMultipartAlternativeWithHeaders()
    {
        // Arrange
        var message = new InvitationEmail("name@example.org", new Uri("https://cjp.example.org/account/invitation/abc")).ToMessage()
            with { MessageId = "42.1@cjp.example.org" };

        // Act
        var mime = SmtpEmailTransport.ToMime(message, From, Date);

        // Assert
        Assert.Equal("name@example.org", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("portal@cjp.example.org", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("42.1@cjp.example.org", mime.MessageId);
        Assert.Equal(Date, mime.Date);
        Assert.Equal("auto-generated", mime.Headers[PortalEmail.AutoSubmittedHeader]);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(message.TextBody, mime.TextBody);
        Assert.Equal(message.HtmlBody, mime.HtmlBody);
        Assert.Equal(2, alternative.Count);
    }

    [Fact]
    public void ToMime_NoMessageId_MakesOneInTheSendersDomain()
    {
        // Act
        var mime = SmtpEmailTransport.ToMime(new EmailMessage("name@example.org", "Subject", "Body"), From, Date);

        // Assert
        Assert.EndsWith("@cjp.example.org", mime.MessageId, StringComparison.Ordinal);
        Assert.IsType<TextPart>(mime.Body);
    }

    [Fact]
    public void ToMime_HeaderValueWithLineBreak_IsRefused()
    {
        // Arrange
        var message = new EmailMessage("name@example.org", "Subject", "Body")
        {
            Headers = new Dictionary<string, string> { ["X-Test"] = "a\r\nBcc: attacker@evil.example" },
        };

        // Act and Assert
        Assert.Throws<ArgumentException>(() => SmtpEmailTransport.ToMime(message, From, Date));
    }

    [Fact]
    public void ToMime_TwoRecipients_IsRefusedForGood()
    {
        // Act and Assert
        var error = Assert.Throws<EmailRefusedException>(() =>
            SmtpEmailTransport.ToMime(new EmailMessage("a@example.org, b@example.org", "Subject", "Body"), From, Date));
        Assert.False(error.RecipientRefused);
    }
}
