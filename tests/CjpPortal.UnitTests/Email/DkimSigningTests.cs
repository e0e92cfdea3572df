using System.Security.Cryptography;
using CjpPortal.Core.Email;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace CjpPortal.UnitTests.Email;

public sealed class DkimSigningTests
{
    [Fact]
    public async Task Sign_BulkMessageWithGeneratedKey_SignatureCoversUnsubscribeHeadersAndVerifies()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var signing = DkimSigning.Create(new DkimOptions { Domain = "cjp.example.org", Selector = "portal", PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem() });
        var message = new EmailMessage("reader@example.org", "Forum meeting", "Plain text")
        {
            HtmlBody = "<p>HTML</p>",
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://cjp.example.org/subscriptions/unsubscribe?token=abc>, <mailto:portal@cjp.example.org?subject=unsubscribe>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
            MessageId = "1.2@cjp.example.org",
        };
        var mime = SmtpEmailTransport.ToMime(message, MailboxAddress.Parse("portal@cjp.example.org"), new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

        // Act
        signing.Sign(mime);

        // Assert
        var header = mime.Headers.Single(h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("d=cjp.example.org", header.Value, StringComparison.Ordinal);
        Assert.Contains("s=portal", header.Value, StringComparison.Ordinal);
        var signed = header.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\r\n", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains("H=FROM:SUBJECT:DATE:MESSAGE-ID:TO:LIST-UNSUBSCRIBE:LIST-UNSUBSCRIBE-POST;", signed, StringComparison.Ordinal);
        var verifier = new DkimVerifier(new KeyLocator(PublicKeyFactory.CreateKey(rsa.ExportSubjectPublicKeyInfo())));
        Assert.True(await verifier.VerifyAsync(mime, header));
    }

    [Fact]
    public async Task Sign_MessageChangedAfterSigning_DoesNotVerify()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var signing = DkimSigning.Create(new DkimOptions { Domain = "cjp.example.org", Selector = "portal", PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() });
        var mime = SmtpEmailTransport.ToMime(new EmailMessage("reader@example.org", "Forum meeting", "Plain text"), MailboxAddress.Parse("portal@cjp.example.org"), DateTimeOffset.UnixEpoch);
        signing.Sign(mime);

        // Act
        mime.Subject = "Something else";

        // Assert
        var verifier = new DkimVerifier(new KeyLocator(PublicKeyFactory.CreateKey(rsa.ExportSubjectPublicKeyInfo())));
        Assert.False(await verifier.VerifyAsync(mime, mime.Headers.Single(h => h.Id == HeaderId.DkimSignature)));
    }

    [Fact]
    public void Problem_KeyWithoutSelector_IsReported()
    {
        // Act
        var problem = DkimOptions.Problem(new DkimOptions { Domain = "cjp.example.org", PrivateKeyPem = "x" });

        // Assert
        Assert.Equal("Email:Dkim:Domain, Email:Dkim:Selector and Email:Dkim:PrivateKeyPem are set together or not at all.", problem);
    }

    /// <summary>Stands in for the DNS look-up of {selector}._domainkey.{domain}.</summary>
    private sealed class KeyLocator(AsymmetricKeyParameter key) : IDkimPublicKeyLocator
    {
        public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) => key;

        public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(key);
    }
}
