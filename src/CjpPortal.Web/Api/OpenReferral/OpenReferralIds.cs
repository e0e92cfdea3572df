using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CjpPortal.Web.Api.OpenReferral;

/// <summary>What an Open Referral id names: the kind of portal row it was made from.</summary>
public enum OpenReferralKind
{
    Taxonomy,
    TaxonomyTerm,
    Organisation,
    Partnership,
    OrganisationService,
    EngagementRoute,
    Location,
    ServiceArea,
    Attribute,
    ServiceAtLocation,
}

/// <summary>The UUIDs open data gives portal rows: stable (the same row has the same id on every request and every
/// server), derived only from the kind and the row's database ids, and readable back so <c>/services/{id}</c> looks
/// a row up by key instead of hashing every row.
/// <para>Layout (an RFC 9562 version 8 "custom" UUID): bytes 0-9 are the first bytes of SHA-1(<see cref="Namespace"/>
/// bytes ‖ UTF-8 kind name), as in a version 5 name-based UUID, with the version nibble set to 8 and the variant bits
/// to 10; bytes 10-13 are the row id (big-endian) and bytes 14-15 a second id (big-endian, 0 when unused: the council
/// area of a service area or service-at-location, or the theme of an attribute). Changing <see cref="Namespace"/> or
/// a kind's name would change every published id: never do.</para></summary>
public static class OpenReferralIds
{
    /// <summary>The portal's fixed namespace for Open Referral ids.</summary>
    public static readonly Guid Namespace = new("6d1f3c2a-9b4e-4f57-8a0c-3e2b1d4c5f60");

    private static readonly Dictionary<OpenReferralKind, byte[]> Prefixes =
        Enum.GetValues<OpenReferralKind>().ToDictionary(kind => kind, Prefix);

    public static Guid For(OpenReferralKind kind, int id, int second = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, ushort.MaxValue);
        Span<byte> bytes = stackalloc byte[16];
        Prefixes[kind].CopyTo(bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes[10..14], id);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[14..16], (ushort)second);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The row ids an id of <paramref name="kind"/> was made from; false for a malformed id or one of
    /// another kind.</summary>
    public static bool TryRead(string? value, OpenReferralKind kind, out int id, out int second)
    {
        id = 0;
        second = 0;
        if (!Guid.TryParse(value, out var guid))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        if (!bytes[..10].SequenceEqual(Prefixes[kind]))
        {
            return false;
        }

        id = BinaryPrimitives.ReadInt32BigEndian(bytes[10..14]);
        second = BinaryPrimitives.ReadUInt16BigEndian(bytes[14..16]);
        return id >= 0;
    }

    private static byte[] Prefix(OpenReferralKind kind)
    {
        // Not security: name-based UUIDs (RFC 9562 version 5) are defined on SHA-1, and the prefix only has to be stable.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. Namespace.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(kind.ToString())]);
#pragma warning restore CA5350
        var prefix = hash[..10];
        prefix[6] = (byte)(0x80 | (prefix[6] & 0x0F));
        prefix[8] = (byte)(0x80 | (prefix[8] & 0x3F));
        return prefix;
    }
}
