/*
 * Copyright (c) 2024 Netra Systems. All rights reserved.
 */
// SPDX-License-Identifier: Apache-2.0
import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export function handle(userId: string): string {
  return new ExecutionEngine({ userId }).run('handle');
}
