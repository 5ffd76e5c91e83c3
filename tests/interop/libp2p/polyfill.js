// Node 20 lacks Promise.withResolvers (Node 22 has it); a few transitive js-libp2p dependencies (it-queue) call it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new this((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
}
