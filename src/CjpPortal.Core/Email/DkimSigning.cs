using System.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace CjpPortal.Core.Email;

/// <summary>Settings under "Email:Dkim": when all three are set, the SMTP transport signs every message.</summary>
public sealed class DkimOptions
{
    /// <summary>The signing domain (d=), normally the From address's domain.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (s=): the public key is published at {Selector}._domainkey.{Domain}.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key in PEM (PKCS#1 or PKCS#8), e.g. from a secret store as Email__Dkim__PrivateKeyPem.</summary>
    public string? PrivateKeyPem { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPem);

    public static string? Problem(DkimOptions? options)
    {
        if (options is null || (string.IsNullOrWhiteSpace(options.Domain) && string.IsNullOrWhiteSpace(options.Selector) && string.IsNullOrWhiteSpace(options.PrivateKeyPem)))
        {
            return null;
        }

        if (!options.IsConfigured)
        {
            return "Email:Dkim:Domain, Email:Dkim:Selector and Email:Dkim:PrivateKeyPem are set together or not at all.";
        }

        try
        {
            _ = DkimSigning.Create(options);
            return null;
        }
#pragma warning disable CA1031 // Any failure to read the key is reported the same way, at start-up.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return $"Email:Dkim:PrivateKeyPem is not an RSA private key in PEM form ({exception.GetType().Name}).";
        }
    }
}

/// <summary>DKIM signatures (RFC 6376, rsa-sha256, relaxed/relaxed) with MimeKit's <see cref="DkimSigner"/>, over the
/// headers a receiver needs to trust, the one-click unsubscribe ones included (RFC 8058 asks for them to be signed).</summary>
public sealed class DkimSigning
{
    public static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.To,
        HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly DkimSigner signer;

    private DkimSigning(DkimSigner signer) => this.signer = signer;

    public static DkimSigning Create(DkimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("DKIM needs a domain, a selector and a private key.", nameof(options));
        }

        using var key = new MemoryStream(Encoding.ASCII.GetBytes(options.PrivateKeyPem!));
        return new DkimSigning(new DkimSigner(key, options.Domain!, options.Selector!, DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        });
    }

    /// <summary>Adds a DKIM-Signature header; the body is first given its final transfer encoding, so the server
    /// does not re-encode (and break) what was signed.</summary>
    public void Sign(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Prepare(EncodingConstraint.SevenBit);
        var present = SignedHeaders.Where(h => message.Headers.Contains(h)).ToList();
        signer.Sign(message, present);
    }
}
