using DetainerRules.Model.Decisions;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class NotificationPointsTests
{
    [Test]
    public void InOrder_EachPointOnce_InTheOrderOfThePoints_WhateverOrderTheyCameIn()
    {
        var points = new NotificationPoints();
        points.AddAll([NotificationPoint.Release, NotificationPoint.Booking, NotificationPoint.Release]);
        points.Add(NotificationPoint.Booking);

        Assert.That(points.InOrder(), Is.EqualTo(new[] { NotificationPoint.Booking, NotificationPoint.Release }));
    }

    [Test]
    public void InOrder_NoneMarked_Empty()
    {
        var points = new NotificationPoints();
        points.AddAll([]);

        Assert.That(points.InOrder(), Is.Empty);
    }
}
