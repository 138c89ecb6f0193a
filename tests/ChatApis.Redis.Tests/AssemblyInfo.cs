[assembly: AssemblyFixture(typeof(ChatApis.Redis.Tests.Support.SharedRedis))]
