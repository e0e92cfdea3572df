-- wrk script: print the 95th percentile latency (microseconds) after wrk's own report, for the benchmark table.
done = function(summary, latency, requests)
  io.write(string.format("p95-us: %d\n", latency:percentile(95)))
end
