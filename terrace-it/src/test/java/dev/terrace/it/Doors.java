package dev.terrace.it;

import dev.terrace.client.TerraceAsyncClient;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.util.stream.Stream;

/**
 * The four doors the contract suites run through: the engine in-process, blocking and asynchronous,
 * and the SDK against a real server on loopback, blocking and asynchronous.
 */
final class Doors implements AutoCloseable {

  final LoopbackServer server;
  final Terrace embedded;
  final TerraceClient client;
  final TerraceAsyncClient asyncClient;

  private Doors() {
    server = LoopbackServer.start();
    embedded = Terrace.embedded();
    client = TerraceClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
    asyncClient =
        TerraceAsyncClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
  }

  static Doors open() {
    return new Doors();
  }

  /** Each door as the {@code TerraceApi} the tests call. */
  Stream<Implementation> implementations() {
    return Stream.of(
        new Implementation("embedded", embedded, false),
        new Implementation("embedded async", new JoinedAsyncApi(embedded.async()), false),
        new Implementation("client", client, true),
        new Implementation("async", new JoinedAsyncApi(asyncClient), true));
  }

  @Override
  public void close() throws IOException {
    asyncClient.close();
    client.close();
    embedded.close();
    server.close();
  }
}
