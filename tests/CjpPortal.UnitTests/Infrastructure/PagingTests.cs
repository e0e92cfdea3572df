using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, null, 1, 1, 0)]
    [InlineData(50, null, 1, 1, 0)]
    [InlineData(51, 2, 2, 2, 50)]
    [InlineData(51, 3, 2, 2, 50)]
    [InlineData(51, 0, 1, 2, 0)]
    [InlineData(51, -4, 1, 2, 0)]
    public void For_RequestedPage_IsKeptBetweenFirstAndLast(int total, int? requested, int page, int count, int skip)
    {
        // Act
        var paging = Paging.For(total, 50, requested);

        // Assert
        Assert.Equal(page, paging.PageNumber);
        Assert.Equal(count, paging.PageCount);
        Assert.Equal(skip, paging.Skip);
    }
}
