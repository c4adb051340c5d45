using Linli.Web.Features.People;

namespace Linli.Tests.Unit;

public sealed class ContactAddressTests
{
    [Theory]
    [InlineData("13800138000", "+8613800138000", false)]
    [InlineData("138 0013 8000", "+8613800138000", false)]
    [InlineData("+447700900123", "+447700900123", false)]
    [InlineData("Li.Na@Example.org", "li.na@example.org", true)]
    public void Normalises_phones_and_emails(string input, string expected, bool email)
    {
        Assert.True(ContactAddress.TryNormalise(input, out var normalised, out var isEmail));
        Assert.Equal(expected, normalised);
        Assert.Equal(email, isEmail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("23800138000")]
    [InlineData("not an email@")]
    [InlineData("a@b")]
    public void Refuses_what_is_neither(string input) => Assert.False(ContactAddress.TryNormalise(input, out _, out _));
}
