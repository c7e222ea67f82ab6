/** A queue message that records what the consumer decided, like the runtime's Message. */
export interface FakeMessage<Body> extends Message<Body> {
	outcome: { action: 'pending' } | { action: 'ack' } | { action: 'retry'; delaySeconds: number | undefined };
}

export function createFakeMessage<Body>(id: string, body: Body, attempts = 1): FakeMessage<Body> {
	const message: FakeMessage<Body> = {
		id,
		body,
		attempts,
		timestamp: new Date(0),
		outcome: { action: 'pending' },
		ack: () => {
			message.outcome = { action: 'ack' };
		},
		retry: (options) => {
			message.outcome = { action: 'retry', delaySeconds: options?.delaySeconds };
		},
	};
	return message;
}

export function createFakeBatch<Body>(queue: string, messages: FakeMessage<Body>[]): MessageBatch<Body> {
	return {
		queue,
		messages,
		ackAll: () => {},
		retryAll: () => {},
		metadata: {} as MessageBatch<Body>['metadata'],
	};
}
