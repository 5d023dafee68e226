// A loopback TCP forwarder a test can cut and restore, to take a server (PostgreSQL) away from
// the code under test and give it back, without touching the server other tests share.
//
//   CutProxy proxy("127.0.0.1", 5432);   // listens on 127.0.0.1:proxy.port()
//   proxy.cut();      // every forwarded connection is closed; new connections are refused
//   proxy.restore();  // listens again on the same port
#pragma once

#include <memory>
#include <string>

namespace steward::testing {

class CutProxy {
 public:
  CutProxy(const std::string& target_host, unsigned short target_port);
  ~CutProxy();
  CutProxy(const CutProxy&) = delete;
  CutProxy& operator=(const CutProxy&) = delete;

  unsigned short port() const;
  void cut();
  void restore();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace steward::testing
